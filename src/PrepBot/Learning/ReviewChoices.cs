using System.Globalization;

namespace PrepBot.Learning;

/// <summary>
/// How the options a learner chose on a multiple-choice card are kept on the review log: their places in the card file
/// (0 = first written), ascending, comma-separated (<c>2</c>, <c>0,3</c>).
/// </summary>
internal static class ReviewChoices
{
    public static string? Format(IReadOnlyCollection<int>? chosen) =>
        chosen is null || chosen.Count == 0 ? null : string.Join(',', chosen.Distinct().Order().Select(i => i.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The indices of a stored value; values that are not whole numbers are skipped.</summary>
    public static IReadOnlyList<int> Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        var indices = new List<int>();
        foreach (var part in stored.Split(','))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indices.Add(index);
            }
        }

        return indices;
    }
}
