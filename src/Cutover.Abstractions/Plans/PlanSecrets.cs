namespace Cutover;

/// <summary>Every secret reference a plan holds, with the field it sits in.</summary>
public static class PlanSecrets
{
    public static IEnumerable<(string Field, SecretReference Reference)> Enumerate(CutoverPlan plan)
    {
        foreach (var env in new[] { plan.Environments.Blue, plan.Environments.Green })
        {
            var prefix = $"Environments.{env.Environment}";
            if (env.Postgres?.Password is { } pg)
                yield return ($"{prefix}.Postgres.Password", pg);
            if (env.RabbitMq?.Password is { } rmq)
                yield return ($"{prefix}.RabbitMq.Password", rmq);
            if (env.Redis?.Password is { } redis)
                yield return ($"{prefix}.Redis.Password", redis);
        }
        if (plan.Traffic.Dns?.TsigSecret is { } tsig)
            yield return ("Traffic.Dns.TsigSecret", tsig);
        if (plan.Notifications.PagerDuty?.RoutingKey is { } key)
            yield return ("Notifications.PagerDuty.RoutingKey", key);
        if (plan.Notifications.Slack?.WebhookUrl is { } hook)
            yield return ("Notifications.Slack.WebhookUrl", hook);
        if (plan.Notifications.Statuspage?.Token is { } token)
            yield return ("Notifications.Statuspage.Token", token);
        if (plan.State.RedisLockPassword is { } lockPassword)
            yield return ("State.RedisLockPassword", lockPassword);
    }
}
