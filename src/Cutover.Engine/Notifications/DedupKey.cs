using System.Security.Cryptography;
using System.Text;

namespace Cutover.Engine.Notifications;

/// <summary>
/// PagerDuty's dedup key for a run: a pure function of the plan name and the run id, so the process
/// that resolves the incident computes the key of the one that triggered it.
/// </summary>
public static class DedupKey
{
    public static string For(string plan, string runId)
    {
        var readable = $"cutover/{plan}/{runId}";
        if (readable.Length <= 200)
            return readable;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plan + "\n" + runId)))[..32];
        return $"cutover/{plan[..Math.Min(plan.Length, 100)]}/{hash}";
    }
}
