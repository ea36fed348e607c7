using System.Globalization;
using PrepBot.Conversation;

namespace PrepBot.Features.Mock;

public enum MockAction
{
    /// <summary>Take the interviewer's seat in a lobby.</summary>
    JoinAsInterviewer,

    /// <summary>Take the candidate's seat in a lobby.</summary>
    JoinAsCandidate,

    /// <summary>End the running round early.</summary>
    End,

    /// <summary>Open the feedback form for the round.</summary>
    Feedback,

    /// <summary>The submitted feedback form.</summary>
    SubmitFeedback,

    /// <summary>Show (privately) the feedback the partner gave you in the round.</summary>
    SeeFeedback,

    /// <summary>Start round 2 with roles swapped.</summary>
    Swap,

    /// <summary>Show (privately) the interviewer's notes for the round.</summary>
    Notes,
}

/// <summary>
/// A mock interview button or form, carried in its custom id: <c>mock:{action}:{session}:{round}</c>, e.g.
/// <c>mock:fb:42:1</c>. Everything else is read from the session row, so buttons keep working after a restart,
/// and the round in the id makes a button of round 1 pressed during round 2 recognisably stale.
/// </summary>
public sealed record MockToken(MockAction Action, long SessionId, int Round)
{
    public const string Prefix = "mock:";

    private static readonly Dictionary<MockAction, string> Codes = new()
    {
        [MockAction.JoinAsInterviewer] = "ji",
        [MockAction.JoinAsCandidate] = "jc",
        [MockAction.End] = "end",
        [MockAction.Feedback] = "fb",
        [MockAction.SubmitFeedback] = "fbm",
        [MockAction.SeeFeedback] = "see",
        [MockAction.Swap] = "swap",
        [MockAction.Notes] = "notes",
    };

    public string Format() =>
        CustomId.Build(Prefix, Codes[Action], SessionId.ToString(CultureInfo.InvariantCulture), Round.ToString(CultureInfo.InvariantCulture));

    public static bool TryParse(string customId, out MockToken token)
    {
        token = null!;
        if (customId is null || customId.Length > CustomId.MaxLength || !CustomId.TryParse(customId, Prefix, 3, out var parts)
            || Codes.FirstOrDefault(c => c.Value == parts[0]) is not { Value: not null } code
            || !IsDigits(parts[1]) || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var session) || session <= 0
            || parts[2] is not ("1" or "2"))
        {
            return false;
        }

        token = new MockToken(code.Key, session, parts[2][0] - '0');
        return true;
    }

    private static bool IsDigits(string text) => text.Length is > 0 and <= 19 && text.All(char.IsAsciiDigit);
}
