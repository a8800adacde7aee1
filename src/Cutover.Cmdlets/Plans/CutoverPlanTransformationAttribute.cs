using System.Management.Automation;

namespace Cutover.Commands.Plans;

/// <summary>Lets every -Plan parameter take a CutoverPlan or the path of a plan file.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class CutoverPlanTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject pso ? pso.BaseObject : inputData;
        switch (value)
        {
            case CutoverPlan plan:
                return plan;
            case string or FileInfo:
                var path = engineIntrinsics.SessionState.Path.GetUnresolvedProviderPathFromPSPath(value is FileInfo f ? f.FullName : (string)value);
                try
                {
                    var result = PlanFile.Read(path);
                    foreach (var warning in result.Problems.Where(p => p.Severity == PlanProblemSeverity.Warning))
                        engineIntrinsics.Host.UI.WriteWarningLine(warning.ToString());
                    return result.Plan ?? throw new PlanValidationException(path, result.Problems);
                }
                catch (CutoverException e)
                {
                    throw new ArgumentTransformationMetadataException(SecretRedactor.Global.Redact(e.Message), e);
                }
            default:
                throw new ArgumentTransformationMetadataException(
                    $"-Plan takes a CutoverPlan (from Import-CutoverPlan) or the path of a plan file, not a {value?.GetType().Name ?? "null"}.");
        }
    }
}
