using PrepBot.Features.Stats;
using SkiaSharp;

namespace PrepBot.Tests.Features.Stats;

public sealed class ActivityHeatmapTests
{
    // A Thursday: the grid's last column is the week of Monday 2026-03-09.
    private static readonly DateOnly Today = new(2026, 3, 12);

    private static LearnerHistory History(Dictionary<DateOnly, int> reviews, params PausedDays[] pauses) =>
        new(reviews.ToDictionary(r => r.Key, r => new DayActivity(r.Value, r.Value, r.Value)), pauses);

    [Fact]
    public void Grid_starts_on_the_Monday_eleven_weeks_before_this_week()
    {
        var grid = new ActivityGrid(LearnerHistory.Empty, Today);

        Assert.Equal(new DateOnly(2025, 12, 22), grid.FirstDay);
        Assert.Equal(DayOfWeek.Monday, grid.FirstDay.DayOfWeek);
        Assert.Equal(Today, grid.DayAt(11, 3));
        Assert.False(grid.IsShown(11, 4));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(19, 3)]
    [InlineData(20, 4)]
    [InlineData(300, 4)]
    public void Level_follows_the_review_count(int reviews, int level)
    {
        Assert.Equal(level, ActivityGrid.Level(reviews));
    }

    [Fact]
    public void Png_decodes_at_the_grid_size_with_each_day_coloured_by_its_reviews()
    {
        var grid = new ActivityGrid(History(new() { [Today] = 25, [Today.AddDays(-1)] = 3 }, new PausedDays(Today.AddDays(-10), Today.AddDays(-9))), Today);

        var png = HeatmapImage.Render(grid);

        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((HeatmapImage.Width, HeatmapImage.Height), (bitmap.Width, bitmap.Height));
        Assert.Equal(HeatmapImage.ColorOf(25, paused: false), Center(bitmap, 11, 3));
        Assert.Equal(HeatmapImage.ColorOf(3, paused: false), Center(bitmap, 11, 2));
        Assert.Equal(HeatmapImage.ColorOf(0, paused: true), Center(bitmap, 10, 0));
        Assert.Equal(HeatmapImage.ColorOf(0, paused: false), Center(bitmap, 0, 0));
        Assert.NotEqual(HeatmapImage.ColorOf(0, paused: false), Center(bitmap, 11, 4));
    }

    [Fact]
    public void Text_fallback_has_a_row_per_weekday_and_marks_paused_days()
    {
        var grid = new ActivityGrid(History(new() { [Today] = 25 }, new PausedDays(Today.AddDays(-10), Today.AddDays(-9))), Today);

        var lines = grid.ToText().Split('\n');

        Assert.Equal(9, lines.Length);
        Assert.Equal("Mon · · · · · · · · · · = ·", lines[1]);
        Assert.Equal("Thu · · · · · · · · · · · █", lines[4]);
        Assert.Equal("Fri · · · · · · · · · · ·  ", lines[5]);
        Assert.Contains("= paused", lines[8], StringComparison.Ordinal);
    }

    [Fact]
    public void Alt_text_names_the_total_and_the_busiest_day()
    {
        var grid = new ActivityGrid(History(new() { [Today] = 25, [Today.AddDays(-1)] = 3 }), Today);

        Assert.Equal("Heatmap of reviews per day from 2025-12-22 to 2026-03-12: 28 reviews on 2 days; busiest day 2026-03-12 with 25.", grid.Describe());
    }

    private static SKColor Center(SKBitmap bitmap, int week, int weekday)
    {
        var (x, y) = HeatmapImage.CellOrigin(week, weekday);
        return bitmap.GetPixel(x + (HeatmapImage.Cell / 2), y + (HeatmapImage.Cell / 2));
    }
}
