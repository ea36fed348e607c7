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

    /// <summary>Records that the learner uses PrepBot in the server (once per pair and process).</summary>
    public ValueTask RecordAsync(string guildId, long learnerId, CancellationToken cancellationToken) =>
        RecordAsync(guildId, learnerId, enrolled: false, cancellationToken);

    /// <summary>
    /// As above; <paramref name="enrolled"/>: this input enrolled the learner, and with them committed
    /// <see cref="WithEnrolment"/>'s row, so there is nothing left to write.
    /// </summary>
    public async ValueTask RecordAsync(string guildId, long learnerId, bool enrolled, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(guildId);
        if (enrolled)
        {
            _recorded.TryAdd((guildId, learnerId), 0);
            return;
        }

        if (_recorded.ContainsKey((guildId, learnerId)))
        {
            return;
        }

        var seenAt = StorageEncoding.Millis(time.GetUtcNow());
        await writer.WriteAsync((db, ct) => InsertAsync(db, guildId, learnerId, seenAt, ct), cancellationToken).ConfigureAwait(false);
        _recorded.TryAdd((guildId, learnerId), 0);
    }

    /// <summary>
    /// The roster row of a learner whose first input came from this server, written in their enrolment's write (one wait on
    /// the writer for a new learner, not two); <see cref="RecordAsync(string, long, bool, CancellationToken)"/> is then told so.
    /// </summary>
    public EnrolmentWrite WithEnrolment(string guildId)
    {
        ArgumentException.ThrowIfNullOrEmpty(guildId);
        var seenAt = StorageEncoding.Millis(time.GetUtcNow());
        return (batch, learnerId, ct) => InsertAsync(batch, guildId, learnerId, seenAt, ct);
    }

    private static Task<int> InsertAsync(PrepBotDbContext db, string guildId, long learnerId, long seenAt, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "GuildLearners" ("GuildId", "LearnerId", "FirstSeenAt") VALUES ({guildId}, {learnerId}, {seenAt}) ON CONFLICT ("GuildId", "LearnerId") DO NOTHING""",
            cancellationToken);
}
