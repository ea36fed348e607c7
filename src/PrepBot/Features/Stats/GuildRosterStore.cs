using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Stats;

/// <summary>
/// Remembers which learners use PrepBot in which server (table <c>GuildLearners</c>), so a server's leaderboard knows
/// its learners. Stats records every input from a server through it (a learner hook); a pair already written is remembered in memory, so
/// the database is touched once per learner and server per process, through the <see cref="GroupCommitWriter"/> (a burst of
/// new learners in a server is committed a batch at a time).
/// </summary>
public sealed class GuildRosterStore(GroupCommitWriter writer, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string GuildId, long LearnerId), byte> _recorded = new();

    public async ValueTask RecordAsync(string guildId, long learnerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(guildId);
        if (_recorded.ContainsKey((guildId, learnerId)))
        {
            return;
        }

        var seenAt = StorageEncoding.Millis(time.GetUtcNow());
        await writer.WriteAsync(
            (db, ct) => db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "GuildLearners" ("GuildId", "LearnerId", "FirstSeenAt") VALUES ({guildId}, {learnerId}, {seenAt}) ON CONFLICT ("GuildId", "LearnerId") DO NOTHING""",
                ct),
            cancellationToken).ConfigureAwait(false);
        _recorded.TryAdd((guildId, learnerId), 0);
    }
}
