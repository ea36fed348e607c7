using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PrepBot.Data;

namespace PrepBot.Features.Export;

/// <summary>Everything PrepBot stores about one learner: rows per table (named as the tables are), and the review log as CSV.</summary>
/// <param name="Json">The whole export, UTF-8 JSON: <c>{"exportedAt", "learner", "tables": {"ReviewLogs": [...], ...}}</c>.</param>
/// <param name="ReviewLogCsv">The review log, one answer a line, UTF-8 CSV with a header.</param>
/// <param name="RowCounts">Rows exported per table.</param>
public sealed record LearnerExport(byte[] Json, byte[] ReviewLogCsv, IReadOnlyDictionary<string, int> RowCounts);

/// <summary>
/// <c>/me export</c>'s files: every row about a learner (read by <see cref="LearnerRowReader"/>) as JSON, and the review
/// log as CSV.
/// </summary>
public sealed class LearnerDataExport(LearnerRowReader reader, TimeProvider time)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        ReferenceHandler = ReferenceHandler.IgnoreCycles,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<LearnerExport> ExportAsync(long learnerId, CancellationToken cancellationToken)
    {
        var rows = await reader.ReadAsync(learnerId, cancellationToken).ConfigureAwait(false);
        var tables = rows.Tables;
        var json = JsonSerializer.SerializeToUtf8Bytes(new { exportedAt = time.GetUtcNow(), learnerId, tables }, JsonOptions);
        var counts = tables.ToDictionary(table => table.Key, table => table.Value.Count, StringComparer.Ordinal);
        return new LearnerExport(json, Csv(rows.Reviews), counts);
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
