using System.Globalization;
using Microsoft.Extensions.Options;

namespace PrepBot.Features.SqlPractice;

/// <summary>Limits of the SQL sandbox and the grading rules that have a number (section <c>SqlPractice</c>).</summary>
public sealed class SqlPracticeOptions
{
    public const string SectionName = "SqlPractice";

    /// <summary>How long one query may run before SQLite is told to stop it (checked every few thousand VM steps).</summary>
    public int TimeLimitMilliseconds { get; set; } = 2000;

    /// <summary>Longest query text accepted, in characters.</summary>
    public int MaxQueryLength { get; set; } = 10_000;

    /// <summary>Most rows a query may return; one more and the run is refused.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>
    /// SQLite's hard heap limit in megabytes (<c>sqlite3_hard_heap_limit64</c>), 0 for none. SQLite has only a
    /// process-wide limit, so it also covers the review database: keep it well above what that needs (a few MB).
    /// </summary>
    public int HeapLimitMegabytes { get; set; } = 256;

    /// <summary>Longest text or blob value a query may build (<c>SQLITE_LIMIT_LENGTH</c>), in bytes.</summary>
    public int MaxValueBytes { get; set; } = 1_000_000;

    /// <summary>
    /// An answer accepted on the first try, without the hint, within this many seconds of first opening the
    /// query form is graded Easy instead of Good.
    /// </summary>
    public int FastAnswerSeconds { get; set; } = 120;
}

/// <summary>Stops the host at start when a <c>SqlPractice</c> setting is out of range; each message names its key.</summary>
internal sealed class SqlPracticeOptionsValidator : IValidateOptions<SqlPracticeOptions>
{
    public ValidateOptionsResult Validate(string? name, SqlPracticeOptions options)
    {
        var failures = new List<string>();
        Check(nameof(SqlPracticeOptions.TimeLimitMilliseconds), options.TimeLimitMilliseconds, 10, 60_000);
        Check(nameof(SqlPracticeOptions.MaxQueryLength), options.MaxQueryLength, 100, 1_000_000);
        Check(nameof(SqlPracticeOptions.MaxRows), options.MaxRows, 1, 1_000_000);
        Check(nameof(SqlPracticeOptions.HeapLimitMegabytes), options.HeapLimitMegabytes, 0, 65_536);
        Check(nameof(SqlPracticeOptions.MaxValueBytes), options.MaxValueBytes, 1_000, 1_000_000_000);
        Check(nameof(SqlPracticeOptions.FastAnswerSeconds), options.FastAnswerSeconds, 0, 86_400);
        if (options.HeapLimitMegabytes is > 0 and < 16)
        {
            failures.Add($"{SqlPracticeOptions.SectionName}:{nameof(SqlPracticeOptions.HeapLimitMegabytes)}: must be 0 (no limit) or at least 16, since it also covers the review database (got {options.HeapLimitMegabytes})");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{SqlPracticeOptions.SectionName}:{key}: must be from {min} to {max} (got {value})"));
            }
        }
    }
}
