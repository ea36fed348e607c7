using System.Collections;
using Microsoft.EntityFrameworkCore;

namespace PrepBot.Data;

/// <summary>Every row about one learner, per table (named as the tables are); the review log also on its own, in order.</summary>
public sealed record LearnerRows(IReadOnlyDictionary<string, IList> Tables, IReadOnlyList<ReviewLog> Reviews);

/// <summary>
/// Reads every row about a learner — the mirror of <c>/me forget</c>, which deletes the same rows by cascade from
/// <c>Learners</c>. It lives beside the model because it spans every owner's tables, as the cascade does. Each table is
/// listed here on purpose (a test fails when a table that refers to learners is missing), including shared rows: mock
/// sessions they took part in, and mock feedback they wrote or received.
/// </summary>
public sealed class LearnerRowReader(IDbContextFactory<PrepBotDbContext> contextFactory)
{
    /// <summary>Tables every learner has rows in from the first command on (their enrolment, and the servers they used PrepBot in).</summary>
    public static readonly IReadOnlySet<string> EnrolmentTables = new HashSet<string>(["Learners", "GuildLearners"], StringComparer.Ordinal);

    public async Task<LearnerRows> ReadAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tables = new SortedDictionary<string, IList>(StringComparer.Ordinal);

        // Each table in the order of its primary key, sorted here (strings ordinally): the same rows in the same order on SQLite
        // and PostgreSQL (which returns rows as they lie in its heap, and sorts text by the database's collation).
        async Task AddAsync<T>(IQueryable<T> rows)
            where T : class
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            var list = await rows.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var keys = entity.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!).ToList();
            list.Sort((a, b) =>
            {
                foreach (var key in keys)
                {
                    var x = key.GetValue(a);
                    var y = key.GetValue(b);
                    var order = x is string sx && y is string sy ? string.CompareOrdinal(sx, sy) : Comparer<object?>.Default.Compare(x, y);
                    if (order != 0)
                    {
                        return order;
                    }
                }

                return 0;
            });
            tables[entity.GetTableName()!] = list;
        }

        await AddAsync(db.Learners.Where(r => r.Id == learnerId)).ConfigureAwait(false);
        await AddAsync(db.LearnerSettings.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.LearnerPauses.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.ReminderDeliveries.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.InterviewPlans.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.CardStates.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.ReviewLogs.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.CardHolds.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.FsrsProfiles.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.StudyDays.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.SqlAttempts.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.StarStories.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.GuildLearners.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.LeaderboardOptOuts.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.MockSessions.Where(r => r.HostId == learnerId || r.InterviewerId == learnerId || r.CandidateId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.MockFeedbacks.Where(r => r.FromLearnerId == learnerId || r.ToLearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.MockQueueEntries.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.MockScheduledSessions.Where(r => r.CreatedById == learnerId)).ConfigureAwait(false);

        var reviews = (List<ReviewLog>)tables[db.Model.FindEntityType(typeof(ReviewLog))!.GetTableName()!];
        return new LearnerRows(tables, reviews);
    }
}
