using Cutover.Engine.Plans;

namespace Cutover.Commands.Plans;

/// <summary>Reads a plan file (.psd1 or .json) into a plan and its problems.</summary>
internal static class PlanFile
{
    public static PlanReader.Result Read(string path)
    {
        if (!File.Exists(path))
            throw new CutoverException(CutoverErrorIds.PlanNotFound, CutoverErrorKind.ObjectNotFound,
                $"No plan file at '{path}'.", path, "Give the path of a .psd1 or .json plan; examples/ has one per traffic provider.");
        var tree = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".psd1" => Psd1PlanTree.Parse(path),
            ".json" => JsonPlanTree.Parse(File.ReadAllText(path), path),
            _ => throw new CutoverException(CutoverErrorIds.PlanUnreadable, CutoverErrorKind.InvalidArgument,
                $"The plan '{path}' is neither a .psd1 nor a .json file.", path, "Save the plan as .psd1 (PowerShell data) or .json."),
        };
        var result = PlanReader.Read(tree, path);
        if (result.Plan is not null)
        {
            foreach (var (_, reference) in PlanSecrets.Enumerate(result.Plan))
                SecretRedactor.Global.Register(reference.RevealInlineValue());
        }
        return result;
    }

    /// <summary>The plan, or one terminating-worthy exception naming every bad field.</summary>
    public static CutoverPlan Load(string path)
    {
        var result = Read(path);
        return result.Plan ?? throw new PlanValidationException(path, result.Problems);
    }
}
