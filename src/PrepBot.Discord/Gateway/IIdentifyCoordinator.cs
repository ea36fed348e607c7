namespace PrepBot.Discord.Gateway;

/// <summary>
/// Paces Identify (op 2) by Discord's <c>max_concurrency</c>: shards whose <c>shard_id % max_concurrency</c> match (one
/// identify bucket, Discord's <c>rate_limit_key</c>) may identify once per <see cref="IdentifyBuckets.Spacing"/> between them,
/// in every process of the bot together. <see cref="IdentifyGate"/> (the default) paces the shards of one process; a bot whose
/// shards run in several processes registers a coordinator they share (PrepBot's runs through PostgreSQL).
/// </summary>
public interface IIdentifyCoordinator
{
    /// <summary>
    /// Returns when <paramref name="shardId"/> may send its Identify: at least <see cref="IdentifyBuckets.Spacing"/> after the
    /// previous identify of its bucket, which this call records as now. Resumes never ask: they are not limited.
    /// </summary>
    Task WaitToIdentifyAsync(int shardId, int maxConcurrency, CancellationToken cancellationToken);
}

/// <summary>Discord's identify buckets: <c>max_concurrency</c> of them, one identify each per 5 seconds.</summary>
public static class IdentifyBuckets
{
    /// <summary>The least time between two identifies of one bucket.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromSeconds(5);

    /// <summary>A shard's bucket: <c>shard_id % max_concurrency</c> (a <c>max_concurrency</c> below 1 counts as 1).</summary>
    public static int Of(int shardId, int maxConcurrency) => shardId % Math.Max(1, maxConcurrency);
}
