using System.Globalization;

namespace PrepBot.Discord;

/// <summary>Parses <c>Discord:ShardIds</c>: <c>"0-3"</c>, <c>"4,5"</c>, <c>"2"</c> or a mix like <c>"0-1,4"</c>.</summary>
public static class ShardRange
{
    public static bool TryParse(string text, int shardCount, out IReadOnlyList<int> shardIds, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new SortedSet<int>();
        shardIds = [];
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2
                || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || last < first)
            {
                error = $"'{text}': '{part}' is not a shard id or an ascending range like 0-3.";
                return false;
            }

            if (last >= shardCount)
            {
                error = $"'{text}': shard {last} does not exist with {shardCount} shard(s) (ids run 0 to {shardCount - 1}).";
                return false;
            }

            for (var id = first; id <= last; id++)
            {
                ids.Add(id);
            }
        }

        if (ids.Count == 0)
        {
            error = $"'{text}' names no shard.";
            return false;
        }

        shardIds = [.. ids];
        error = string.Empty;
        return true;
    }
}
