using System.Globalization;
using System.Text;
using PrepBot.Conversation;

namespace PrepBot.Features.Stats;

/// <summary>
/// <c>/leaderboard</c> (in a server): this week's most correct answers among the server's learners, top 10 and the
/// caller's own place; and <c>/me leaderboard show:on|off</c>, which takes a learner off (or back onto) every leaderboard.
/// </summary>
public sealed class LeaderboardHandler(LeaderboardStore store)
{
    public const string ShowOption = "show";

    /// <summary><c>/me leaderboard</c>: a sub-command of <c>/me</c> (the learner's settings).</summary>
    public static CommandDescriptor MeLeaderboardCommand { get; } = new("leaderboard", "Appear on server leaderboards (on) or not (off); without a value, says which.")
    {
        Options =
        [
            new CommandOption(ShowOption, "on: rank me on /leaderboard; off: leave me out everywhere.", CommandOptionType.Text)
            {
                Choices = [new CommandChoice("on", "on"), new CommandChoice("off", "off")],
            },
        ],
    };

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, string guildId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        var week = await store.ReadWeekAsync(guildId, learner.Id, learner.Zone, cancellationToken).ConfigureAwait(false);
        var optedOut = week.Caller is null && await store.IsOptedOutAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        return [Reply.Text(Format(week, learner.Zone.Id, optedOut))];
    }

    public async Task<IReadOnlyList<Reply>> HandleSettingAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        switch (command.Get(ShowOption))
        {
            case "off":
                await store.SetOptedOutAsync(learner.Id, optOut: true, cancellationToken).ConfigureAwait(false);
                return [Reply.Text("You are off the leaderboards now, in every server: `/leaderboard` will not list or rank you. "
                    + "Your reviews, streak and `/stats` are unchanged. `/me leaderboard show:on` puts you back.")];
            case "on":
                await store.SetOptedOutAsync(learner.Id, optOut: false, cancellationToken).ConfigureAwait(false);
                return [Reply.Text("You are on the leaderboards: `/leaderboard` ranks you by this week's correct answers, this week's reviews included.")];
            default:
                return await store.IsOptedOutAsync(learner.Id, cancellationToken).ConfigureAwait(false)
                    ? [Reply.Text("You are **off** the leaderboards (you opted out). `/me leaderboard show:on` puts you back.")]
                    : [Reply.Text("You are **on** the leaderboards of the servers you study in. `/me leaderboard show:off` leaves them.")];
        }
    }

    public static string Format(LeaderboardWeek week, string zoneId, bool callerOptedOut)
    {
        ArgumentNullException.ThrowIfNull(week);
        var text = new StringBuilder();
        text.Append(Invariant, $"**This week's leaderboard** — {week.FirstDay:ddd d MMM} to {week.LastDay:ddd d MMM} (your week, {zoneId})\n");
        if (week.Top.Count == 0)
        {
            text.Append("\nNobody here has a graded review this week yet. `/review` or `/quiz` to open the board.");
        }
        else
        {
            text.Append(Invariant, $"Ranked by correct answers (Hard or better), then reviews · {week.Participants} learner{(week.Participants == 1 ? string.Empty : "s")} this week\n\n");
            foreach (var entry in week.Top)
            {
                text.Append(Line(entry)).Append('\n');
            }
        }

        text.Append('\n');
        if (callerOptedOut)
        {
            text.Append("You are not on the leaderboard: you opted out. `/me leaderboard show:on` puts you back.");
        }
        else if (week.Caller is not { } caller)
        {
            text.Append("You have no graded review this week yet: answer one and you are on the board.");
        }
        else
        {
            text.Append(Invariant, $"You: **#{caller.Rank}**{(caller.IsTie ? " (tie)" : string.Empty)} of {week.Participants} — {caller.Correct} correct of {caller.Reviews} reviews");
        }

        return text.ToString();
    }

    private static string Line(LeaderboardEntry entry) => string.Create(
        Invariant,
        $"- **#{entry.Rank}**{(entry.IsTie ? " (tie)" : string.Empty)} {Escape(entry.DisplayName)} — **{entry.Correct}** correct of {entry.Reviews} reviews");

    /// <summary>Names are the learners' own: every ASCII punctuation mark is escaped so a name cannot format the message.</summary>
    internal static string Escape(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (c is '\r' or '\n')
            {
                text.Append(' ');
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) || c == ' ' || c > '\u007f' || char.IsControl(c))
            {
                text.Append(c);
                continue;
            }

            text.Append('\\').Append(c);
        }

        return text.ToString();
    }
}
