using SkiaSharp;

namespace PrepBot.Features.Stats;

/// <summary>
/// Draws an <see cref="ActivityGrid"/> as a PNG: 12 columns of weeks by 7 rows of weekdays, each day a square coloured by
/// how many reviews it had (greens, darker background as in Discord's dark theme), paused days in blue, today outlined.
/// No text, so no font is needed on the server; the message and the alt text carry the numbers.
/// </summary>
public static class HeatmapImage
{
    public const int Cell = 24;
    public const int Gap = 5;
    public const int Margin = 16;

    public static int Width => (2 * Margin) + (ActivityGrid.Weeks * Cell) + ((ActivityGrid.Weeks - 1) * Gap);

    public static int Height => (2 * Margin) + (ActivityGrid.DaysPerWeek * Cell) + ((ActivityGrid.DaysPerWeek - 1) * Gap);

    private static readonly SKColor Background = new(0x2B, 0x2D, 0x31);
    private static readonly SKColor Paused = new(0x3B, 0x5B, 0x8C);
    private static readonly SKColor TodayOutline = new(0xF2, 0xF3, 0xF5);

    // None, then GitHub's greens for dark backgrounds from few to many reviews.
    private static readonly SKColor[] Levels =
    [
        new(0x3A, 0x3D, 0x44),
        new(0x0E, 0x44, 0x29),
        new(0x00, 0x6D, 0x32),
        new(0x26, 0xA6, 0x41),
        new(0x39, 0xD3, 0x53),
    ];

    /// <summary>The fill of a day with <paramref name="reviews"/> reviews (paused days without reviews are blue).</summary>
    public static SKColor ColorOf(int reviews, bool paused) => reviews == 0 && paused ? Paused : Levels[ActivityGrid.Level(reviews)];

    /// <summary>The top-left pixel of a day's square.</summary>
    public static (int X, int Y) CellOrigin(int week, int weekday) => (Margin + (week * (Cell + Gap)), Margin + (weekday * (Cell + Gap)));

    public static byte[] Render(ActivityGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(Background);
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
        using var outline = new SKPaint { Style = SKPaintStyle.Stroke, StrokeWidth = 2, Color = TodayOutline, IsAntialias = true };
        for (var week = 0; week < ActivityGrid.Weeks; week++)
        {
            for (var weekday = 0; weekday < ActivityGrid.DaysPerWeek; weekday++)
            {
                if (!grid.IsShown(week, weekday))
                {
                    continue;
                }

                var (x, y) = CellOrigin(week, weekday);
                var square = SKRect.Create(x, y, Cell, Cell);
                fill.Color = ColorOf(grid.ReviewsAt(week, weekday), grid.IsPausedAt(week, weekday));
                canvas.DrawRoundRect(square, 4, 4, fill);
                if (grid.DayAt(week, weekday) == grid.Today)
                {
                    square.Inflate(-1, -1);
                    canvas.DrawRoundRect(square, 4, 4, outline);
                }
            }
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
