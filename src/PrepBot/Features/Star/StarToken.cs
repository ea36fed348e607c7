using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Features.Star;

public enum StarAction
{
    /// <summary>"Write my answer": open the STAR form.</summary>
    Write,

    /// <summary>The STAR form was submitted.</summary>
    Submit,

    /// <summary>"Start from a saved story": open the form filled with the chosen story.</summary>
    Reuse,
}

/// <summary>
/// What a <c>/star</c> button, select or form carries in its custom id, so it still works after a restart:
/// <c>star:{action}:{learner}:{version}:{started}:{card}</c>, numbers in base 36, <c>started</c> the Unix second a timed
/// prompt was shown (<c>-</c> when untimed), e.g. <c>star:w:c:0:-:behavioral-conflict-with-teammate</c>. The card state
/// version makes a second submit of the same answer a recognisable duplicate. Parsed strictly; at most 100 characters
/// for card ids up to 64 and realistic learner ids.
/// </summary>
public sealed record StarToken(StarAction Action, long LearnerId, int Version, DateTimeOffset? StartedAt, string CardId)
{
    public const string Prefix = "star:";

    /// <summary>Discord's limit for a custom id.</summary>
    public const int MaxLength = 100;

    public bool IsTimed => StartedAt is not null;

    public StarToken With(StarAction action) => this with { Action = action };

    public string Format()
    {
        var action = Action switch
        {
            StarAction.Write => "w",
            StarAction.Submit => "s",
            StarAction.Reuse => "r",
            _ => throw new InvalidOperationException($"Unknown STAR action {Action}."),
        };
        var started = StartedAt is { } at ? Base36.Format(at.ToUnixTimeSeconds()) : "-";
        var id = CustomId.Build(Prefix, action, Base36.Format(LearnerId), Base36.Format(Version), started, CardId);
        return id.Length <= MaxLength ? id : throw new InvalidOperationException($"STAR custom id for card '{CardId}' is {id.Length} characters; Discord allows {MaxLength}.");
    }

    public static bool TryParse(string customId, out StarToken token)
    {
        token = null!;
        if (customId is null || customId.Length > MaxLength || !CustomId.TryParse(customId, Prefix, 5, out var parts, lastTakesRest: true))
        {
            return false;
        }

        StarAction? action = parts[0] switch { "w" => StarAction.Write, "s" => StarAction.Submit, "r" => StarAction.Reuse, _ => null };
        if (action is null || parts[4].Length == 0 || parts[4].Contains(':', StringComparison.Ordinal)
            || !Base36.TryParse(parts[1], out var learner)
            || !Base36.TryParse(parts[2], out var version) || version > int.MaxValue)
        {
            return false;
        }

        DateTimeOffset? started = null;
        if (parts[3] != "-")
        {
            if (!Base36.TryParse(parts[3], out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return false;
            }

            started = DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        token = new StarToken(action.Value, learner, (int)version, started, parts[4]);
        return true;
    }

    /// <summary>For log lines and messages.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Action} {CardId} v{Version}");
}
