using System.Globalization;
using System.Text;

namespace PrepBot.Learning.Fsrs;

/// <summary>A review log line that cannot be read: says which line and which column, and why.</summary>
public sealed class RevlogFormatException : FormatException
{
    public RevlogFormatException()
    {
    }

    public RevlogFormatException(string message)
        : base(message)
    {
    }

    public RevlogFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RevlogFormatException(int lineNumber, string? column, string problem)
        : base(column is null ? $"Line {lineNumber}: {problem}" : $"Line {lineNumber}, column {column}: {problem}")
    {
        LineNumber = lineNumber;
        Column = column;
    }

    /// <summary>1-based line number in the file.</summary>
    public int LineNumber { get; }

    /// <summary>The column's name (as in the header, or its role when there is none); null for a whole-line problem.</summary>
    public string? Column { get; }
}

/// <summary>
/// Reads a review log in the column layout of Anki's revlog export: card id, review time, grade and (optionally) elapsed
/// days, comma- or tab-separated, one review per line. Liberal in what it accepts, strict about errors: any line it cannot
/// read stops the whole read with a <see cref="RevlogFormatException"/> naming the line and column, and nothing is returned.
/// <list type="bullet">
/// <item>Header (optional, names in any case, spaces or hyphens for underscores): card id = <c>card_id</c>, <c>cid</c>,
/// <c>cardid</c> or <c>card</c>; review time = <c>review_time</c>, <c>reviewed_at</c>, <c>timestamp</c> or <c>id</c>
/// (Anki's revlog id is the review time in milliseconds); grade = <c>review_rating</c>, <c>rating</c>, <c>grade</c> or
/// <c>ease</c>; elapsed days = <c>elapsed_days</c>, <c>delta_t</c> or <c>elapsed</c>. Other columns are ignored. Without a
/// header the columns are card id, review time, grade[, elapsed days] in that order.</item>
/// <item>Review time: Unix time as a number, in milliseconds when its magnitude is 10¹¹ or more (after 1973-03-03 in
/// milliseconds; 10¹¹ seconds would be the year 5138) and in seconds otherwise; or an ISO 8601 date and time (UTC unless
/// it carries an offset).</item>
/// <item>Grade: Anki's ease 1 (Again) to 4 (Easy). Ease 0 marks an Anki manual reschedule, not a review: such lines are
/// skipped.</item>
/// <item>Elapsed days: whole days since the card's previous review as Anki counted them (its day starts at the
/// collection's rollover hour); -1 or 0 for a card's first review. When the column is absent, elapsed days are counted
/// between UTC calendar dates.</item>
/// </list>
/// Each card's reviews are put in time order (equal times keep file order); cards come in order of first appearance.
/// </summary>
public static class AnkiRevlogCsv
{
    private static readonly string[] CardNames = ["card_id", "cid", "cardid", "card"];
    private static readonly string[] TimeNames = ["review_time", "reviewed_at", "timestamp", "id"];
    private static readonly string[] GradeNames = ["review_rating", "rating", "grade", "ease"];
    private static readonly string[] ElapsedNames = ["elapsed_days", "delta_t", "elapsed"];

    /// <summary>The header <see cref="Write"/> puts on the files it makes.</summary>
    public const string Header = "card_id,review_time,review_rating,elapsed_days";

    public static IReadOnlyList<SrsCardHistory> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<Row>();
        Layout? layout = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var separator = layout?.Separator ?? (line.Contains('\t', StringComparison.Ordinal) && !line.Contains(',', StringComparison.Ordinal) ? '\t' : ',');
            var fields = Split(line, separator, lineNumber);
            if (layout is null)
            {
                layout = HeaderLayout(fields, separator, lineNumber);
                if (layout is not null)
                {
                    continue;
                }

                layout = PositionalLayout(fields.Count, separator, lineNumber);
            }

            if (fields.Count < layout.FieldCount)
            {
                throw new RevlogFormatException(lineNumber, null, $"expected at least {layout.FieldCount} fields, found {fields.Count}.");
            }

            var row = ReadRow(fields, layout, lineNumber);
            if (row is not null)
            {
                rows.Add(row.Value);
            }
        }

        return Histories(rows, layout?.Elapsed is not null);
    }

    /// <summary>Writes histories in the layout <see cref="Read"/> reads first: <see cref="Header"/>, times in milliseconds, reviews in time order.</summary>
    public static void Write(TextWriter writer, IEnumerable<SrsCardHistory> histories)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(histories);
        writer.Write(Header + "\n");
        var lines = histories
            .SelectMany(history => history.Reviews.Select((review, index) => (history.CardId, review, index)))
            .OrderBy(entry => entry.review.At)
            .ThenBy(entry => entry.CardId, StringComparer.Ordinal)
            .ThenBy(entry => entry.index);
        foreach (var (cardId, review, _) in lines)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{cardId},{review.At.ToUnixTimeMilliseconds()},{(int)review.Rating},{review.ElapsedDays}\n"));
        }
    }

    private static Row? ReadRow(List<string> fields, Layout layout, int lineNumber)
    {
        var cardId = fields[layout.Card].Trim();
        if (cardId.Length == 0)
        {
            throw new RevlogFormatException(lineNumber, layout.Names[layout.Card], "the card id is empty.");
        }

        var at = ParseTime(fields[layout.Time].Trim(), lineNumber, layout.Names[layout.Time]);
        var gradeText = fields[layout.Grade].Trim();
        if (!int.TryParse(gradeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade) || grade is < 0 or > 4)
        {
            throw new RevlogFormatException(lineNumber, layout.Names[layout.Grade], $"'{gradeText}' is not a grade: expected 1 (Again) to 4 (Easy), or 0 for a manual reschedule.");
        }

        int? elapsed = null;
        if (layout.Elapsed is { } elapsedColumn)
        {
            var elapsedText = fields[elapsedColumn].Trim();
            if (!int.TryParse(elapsedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) || days < -1)
            {
                throw new RevlogFormatException(lineNumber, layout.Names[elapsedColumn], $"'{elapsedText}' is not a number of days: expected a whole number, -1 or more.");
            }

            elapsed = days;
        }

        return grade == 0 ? null : new Row(lineNumber, cardId, at, (FsrsRating)grade, elapsed, layout.Elapsed is { } e ? layout.Names[e] : null);
    }

    private static DateTimeOffset ParseTime(string text, int lineNumber, string column)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            try
            {
                return Math.Abs(number) >= 100_000_000_000
                    ? DateTimeOffset.FromUnixTimeMilliseconds(number)
                    : DateTimeOffset.FromUnixTimeSeconds(number);
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new RevlogFormatException(lineNumber, column, $"'{text}' is outside the range of dates.");
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            && Math.Abs(seconds) < 100_000_000_000)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new RevlogFormatException(lineNumber, column, $"'{text}' is not a review time: expected Unix time in seconds or milliseconds, or an ISO 8601 date and time.");
    }

    private static List<SrsCardHistory> Histories(List<Row> rows, bool hasElapsed)
    {
        var histories = new List<SrsCardHistory>();
        foreach (var card in rows.GroupBy(row => row.CardId, StringComparer.Ordinal))
        {
            var ordered = card.OrderBy(row => row.At).ToList();
            var reviews = new List<SrsReview>(ordered.Count);
            for (var i = 0; i < ordered.Count; i++)
            {
                var row = ordered[i];
                int elapsed;
                if (i == 0)
                {
                    elapsed = 0;
                }
                else if (hasElapsed)
                {
                    elapsed = row.Elapsed!.Value >= 0
                        ? row.Elapsed.Value
                        : throw new RevlogFormatException(row.LineNumber, row.ElapsedColumn, $"-1 marks a card's first review, but card {row.CardId} was reviewed before, at {ordered[i - 1].At:O} (line {ordered[i - 1].LineNumber}).");
                }
                else
                {
                    elapsed = DateOnly.FromDateTime(row.At.UtcDateTime).DayNumber - DateOnly.FromDateTime(ordered[i - 1].At.UtcDateTime).DayNumber;
                }

                reviews.Add(new SrsReview(row.At, row.Rating, elapsed));
            }

            histories.Add(new SrsCardHistory(card.Key, reviews));
        }

        return histories;
    }

    private static Layout? HeaderLayout(List<string> fields, char separator, int lineNumber)
    {
        var names = fields.Select(field => field.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_')).ToArray();
        int? Find(string[] candidates)
        {
            foreach (var candidate in candidates)
            {
                var index = Array.IndexOf(names, candidate);
                if (index >= 0)
                {
                    return index;
                }
            }

            return null;
        }

        var card = Find(CardNames);
        var time = Find(TimeNames);
        var grade = Find(GradeNames);
        var elapsed = Find(ElapsedNames);
        if (card is null && time is null && grade is null && elapsed is null)
        {
            return null;
        }

        var missing = new List<string>();
        if (card is null)
        {
            missing.Add($"a card id ({string.Join(", ", CardNames)})");
        }

        if (time is null)
        {
            missing.Add($"a review time ({string.Join(", ", TimeNames)})");
        }

        if (grade is null)
        {
            missing.Add($"a grade ({string.Join(", ", GradeNames)})");
        }

        if (missing.Count > 0)
        {
            throw new RevlogFormatException(lineNumber, null, $"the header lacks {string.Join("; ", missing)}.");
        }

        var display = fields.Select(field => field.Trim()).ToArray();
        var needed = new[] { card!.Value, time!.Value, grade!.Value, elapsed ?? 0 }.Max() + 1;
        return new Layout(separator, card.Value, time.Value, grade.Value, elapsed, display, needed);
    }

    private static Layout PositionalLayout(int fieldCount, char separator, int lineNumber)
    {
        if (fieldCount < 3)
        {
            throw new RevlogFormatException(lineNumber, null, $"expected card id, review time, grade and optionally elapsed days, found {fieldCount} field(s) and no header.");
        }

        var withElapsed = fieldCount >= 4;
        string[] names = withElapsed ? ["card id", "review time", "grade", "elapsed days"] : ["card id", "review time", "grade"];
        return new Layout(separator, 0, 1, 2, withElapsed ? 3 : null, names, names.Length);
    }

    /// <summary>Splits on the separator; fields may be double-quoted, with "" for a quote inside.</summary>
    private static List<string> Split(string line, char separator, int lineNumber)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var fieldStart = true;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && fieldStart)
            {
                quoted = true;
                fieldStart = false;
            }
            else if (c == separator)
            {
                fields.Add(current.ToString());
                current.Clear();
                fieldStart = true;
            }
            else
            {
                current.Append(c);
                fieldStart = false;
            }
        }

        if (quoted)
        {
            throw new RevlogFormatException(lineNumber, null, "a quoted field is not closed.");
        }

        fields.Add(current.ToString());
        return fields;
    }

    private sealed record Layout(char Separator, int Card, int Time, int Grade, int? Elapsed, string[] Names, int FieldCount);

    private readonly record struct Row(int LineNumber, string CardId, DateTimeOffset At, FsrsRating Rating, int? Elapsed, string? ElapsedColumn);
}
