using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PrepBot.Data;

namespace PrepBot.Features.Export;

/// <summary>Everything PrepBot stores about one learner: rows per table (named as the tables are), and the review log as CSV.</summary>
/// <param name="Json">The whole export, UTF-8 JSON: <c>{"exportedAt", "learner", "tables": {"ReviewLogs": [...], ...}}</c>.</param>
/// <param name="ReviewLogCsv">The review log, one answer a line, UTF-8 CSV with a header.</param>
/// <param name="RowCounts">Rows exported per table.</param>
public sealed record LearnerExport(byte[] Json, byte[] ReviewLogCsv, IReadOnlyDictionary<string, int> RowCounts);

/// <summary>
/// Reads every row about a learner — the mirror of <c>/me forget</c>, which deletes the same rows by cascade from
/// <c>Learners</c>. Each table is listed here on purpose (a test fails when a table that refers to learners is missing),
/// including shared rows: mock sessions they took part in, and mock feedback they wrote or received.
/// </summary>
public sealed class LearnerDataExport(IDbContextFactory<PrepBotDbContext> contextFactory, TimeProvider time)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Tables every learner has rows in from the first command on (their enrolment, and the servers they used PrepBot in).</summary>
    public static readonly IReadOnlySet<string> EnrolmentTables = new HashSet<string>(["Learners", "GuildLearners"], StringComparer.Ordinal);

    public async Task<LearnerExport> ExportAsync(long learnerId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var tables = new SortedDictionary<string, object>(StringComparer.Ordinal);

        async Task AddAsync<T>(IQueryable<T> rows)
            where T : class
        {
            var list = await rows.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            tables[db.Model.FindEntityType(typeof(T))!.GetTableName()!] = list;
        }

        await AddAsync(db.Learners.Where(r => r.Id == learnerId)).ConfigureAwait(false);
        await AddAsync(db.LearnerSettings.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.LearnerPauses.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.CardStates.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
        await AddAsync(db.ReviewLogs.Where(r => r.LearnerId == learnerId).OrderBy(r => r.Id)).ConfigureAwait(false);
        await AddAsync(db.CardHolds.Where(r => r.LearnerId == learnerId)).ConfigureAwait(false);
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
        var json = JsonSerializer.SerializeToUtf8Bytes(new { exportedAt = time.GetUtcNow(), learnerId, tables }, JsonOptions);
        var counts = tables.ToDictionary(table => table.Key, table => ((System.Collections.ICollection)table.Value).Count, StringComparer.Ordinal);
        return new LearnerExport(json, Csv(reviews), counts);
    }

    /// <summary>Every scalar column of the review log but the learner id, in declaration order; values in invariant culture.</summary>
    private static byte[] Csv(IReadOnlyList<ReviewLog> reviews)
    {
        var columns = typeof(ReviewLog).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != nameof(ReviewLog.LearnerId) && IsScalar(p.PropertyType))
            .ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => c.Name)).Append("\r\n");
        foreach (var review in reviews)
        {
            csv.AppendJoin(',', columns.Select(c => Field(c.GetValue(review)))).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(decimal);
    }

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
