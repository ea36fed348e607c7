using System.Globalization;
using System.Text;

namespace PrepBot.Features.Stats;

/// <summary>
/// Reviews per study day over the last 12 weeks, laid out as a calendar: one column per week (Monday first, the current
/// week last), one row per weekday. Days after today are outside the grid.
/// </summary>
public sealed class ActivityGrid
{
    public const int Weeks = 12;
    public const int DaysPerWeek = 7;

    /// <summary>Reviews that reach each level: 1–4, 5–9, 10–19, 20 or more (level 0 is none).</summary>
    public static IReadOnlyList<int> LevelStarts { get; } = [1, 5, 10, 20];

    private static readonly string[] WeekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly char[] LevelMarks = ['·', '░', '▒', '▓', '█'];

    private readonly int[] _reviews = new int[Weeks * DaysPerWeek];
    private readonly bool[] _paused = new bool[Weeks * DaysPerWeek];

    public ActivityGrid(LearnerHistory history, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(history);
        Today = today;
        FirstDay = MondayOf(today).AddDays(-7 * (Weeks - 1));
        for (var i = 0; i < _reviews.Length; i++)
        {
            var day = FirstDay.AddDays(i);
            _reviews[i] = history.On(day).Reviews;
            _paused[i] = history.IsPaused(day);
        }
    }

    /// <summary>The Monday the grid starts on.</summary>
    public DateOnly FirstDay { get; }

    public DateOnly Today { get; }

    public int TotalReviews => _reviews.Sum();

    public int ActiveDays => _reviews.Count(r => r > 0);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>0 (none) to 4 (20 or more reviews).</summary>
    public static int Level(int reviews)
    {
        var level = 0;
        while (level < LevelStarts.Count && reviews >= LevelStarts[level])
        {
            level++;
        }

        return level;
    }

    public DateOnly DayAt(int week, int weekday) => FirstDay.AddDays((week * DaysPerWeek) + weekday);

    /// <summary>Whether the cell is a day up to today (cells after today stay empty).</summary>
    public bool IsShown(int week, int weekday) => DayAt(week, weekday) <= Today;

    public int ReviewsAt(int week, int weekday) => _reviews[(week * DaysPerWeek) + weekday];

    public bool IsPausedAt(int week, int weekday) => _paused[(week * DaysPerWeek) + weekday];

    /// <summary>Alt text for the picture: what it shows in a sentence.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        var busiest = Enumerable.Range(0, _reviews.Length).Where(i => FirstDay.AddDays(i) <= Today).MaxBy(i => _reviews[i]);
        var text = string.Create(c, $"Heatmap of reviews per day from {FirstDay:yyyy-MM-dd} to {Today:yyyy-MM-dd}: {TotalReviews} reviews on {ActiveDays} days");
        return _reviews[busiest] == 0
            ? text + "."
            : text + string.Create(c, $"; busiest day {FirstDay.AddDays(busiest):yyyy-MM-dd} with {_reviews[busiest]}.");
    }

    /// <summary>The grid as text for transports without pictures: one row per weekday, oldest week on the left.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Reviews per day, weeks of {FirstDay:yyyy-MM-dd} to {MondayOf(Today):yyyy-MM-dd} (oldest left)\n");
        for (var weekday = 0; weekday < DaysPerWeek; weekday++)
        {
            text.Append(WeekdayNames[weekday]);
            for (var week = 0; week < Weeks; week++)
            {
                text.Append(' ');
                text.Append(!IsShown(week, weekday) ? ' '
                    : ReviewsAt(week, weekday) == 0 && IsPausedAt(week, weekday) ? '=' : LevelMarks[Level(ReviewsAt(week, weekday))]);
            }

            text.Append('\n');
        }

        text.Append("· none  ░ 1–4  ▒ 5–9  ▓ 10–19  █ 20+  = paused");
        return text.ToString();
    }
}
