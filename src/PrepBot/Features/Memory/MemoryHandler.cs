using System.Globalization;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Features.Study;
using PrepBot.Learning;
using PrepBot.Learning.Fsrs;

namespace PrepBot.Features.Memory;

/// <summary>
/// A learner's scheduler (<c>/me scheduler use:sm2|fsrs</c>), FSRS target retention (<c>/me retention value:</c>) and
/// weights fitted to their own log (<c>/me optimize</c>). A change re-dates the learner's cards in the same transaction;
/// none is made during a pause (the pause has moved the cards it covers, and re-dating would undo that).
/// </summary>
public sealed class MemoryHandler(FsrsProfileStore profiles, FsrsFitter fitter, PauseStore pauses, CardPicker picker, TimeProvider time)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public async Task<IReadOnlyList<Reply>> SchedulerAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        var profile = await profiles.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        SchedulerKind? wanted = command.Get(MemoryCommands.UseOption) switch
        {
            null => null,
            "sm2" => SchedulerKind.Sm2,
            "fsrs" => SchedulerKind.Fsrs,
            var other => throw new InvalidOperationException($"The command resolver let through use:{other}."),
        };
        if (wanted is null)
        {
            return [Reply.Text(Describe(profile))];
        }

        if (await PausedAsync(learner, "/me scheduler", cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return [refused];
        }

        var redated = await profiles.SetSchedulerAsync(learner.Id, wanted.Value, learner.Zone, cancellationToken).ConfigureAwait(false);
        if (redated is null)
        {
            return [Reply.Text($"You already use {Name(wanted.Value)}. {Describe(profile)}")];
        }

        var due = await picker.CountDueAsync(learner.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return [Reply.Text(wanted == SchedulerKind.Fsrs
            ? string.Create(C, $"Switched to **FSRS-6** ({Cards(redated.Value)} re-dated): each card now comes back when your predicted recall falls to {Percent(profile.Parameters.DesiredRetention)}, counted from each card's last review (`/me retention` changes that). {DueNow(due)} Nothing was lost: `/me scheduler use:sm2` puts SM-2's dates back exactly.")
            : string.Create(C, $"Switched back to **SM-2** ({Cards(redated.Value)} re-dated): your cards are dated by SM-2 again, as if you had never switched. {DueNow(due)} FSRS keeps predicting your recall for `/stats` either way.")),];
    }

    public async Task<IReadOnlyList<Reply>> RetentionAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        var typed = command.Get(MemoryCommands.ValueOption);
        var profile = await profiles.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        if (typed is null)
        {
            return [Reply.Text(string.Create(C, $"Your target retention is {Percent(profile.Parameters.DesiredRetention)}{(profile.Parameters.DesiredRetention == FsrsParameters.DefaultDesiredRetention ? " (the default)" : string.Empty)}. Set it with `/me retention value:0.85` (0.70 to 0.97).{(profile.Scheduler == SchedulerKind.Sm2 ? " It dates your reviews once you use FSRS (`/me scheduler use:fsrs`)." : string.Empty)}")),];
        }

        var value = double.Parse(typed, NumberStyles.Float, C);
        var retention = value >= 1 ? value / 100 : value; // 85 means 85%
        if (retention < FsrsParameters.MinimumDesiredRetention - 1e-9 || retention > FsrsParameters.MaximumDesiredRetention + 1e-9)
        {
            return [Reply.Text(string.Create(C, $"`/me retention value:` must be from 0.70 to 0.97 (got {typed}). Below 0.70 you would forget too much to be useful; above 0.97 the reviews multiply for little gain."))];
        }

        retention = Math.Round(Math.Clamp(retention, FsrsParameters.MinimumDesiredRetention, FsrsParameters.MaximumDesiredRetention), 3);
        if (await PausedAsync(learner, "/me retention", cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return [refused];
        }

        var redated = await profiles.SetRetentionAsync(learner.Id, retention, learner.Zone, cancellationToken).ConfigureAwait(false);
        if (redated is null)
        {
            return [Reply.Text(string.Create(C, $"Your target retention already is {Percent(retention)}."))];
        }

        return [Reply.Text(profile.Scheduler == SchedulerKind.Fsrs
            ? string.Create(C, $"Target retention set to {Percent(retention)} ({Cards(redated.Value)} re-dated): each card now comes back when your predicted recall falls to it. {(retention > profile.Parameters.DesiredRetention ? "Higher retention means shorter intervals and more reviews a day." : "Lower retention means longer intervals and fewer reviews, and more forgetting between them.")}")
            : string.Create(C, $"Target retention set to {Percent(retention)}. You use SM-2, which has no target, so your dates do not change; FSRS times reviews by it once you switch (`/me scheduler use:fsrs`).")),];
    }

    public async Task<IReadOnlyList<Reply>> OptimizeAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (await PausedAsync(learner, "/me optimize", cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return [refused];
        }

        var result = await fitter.FitAsync(learner.Id, learner.Zone, cancellationToken).ConfigureAwait(false);
        var profile = await profiles.GetAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        var next = result.Outcome switch
        {
            FsrsOptimizationOutcome.NotEnoughReviews => "Keep reviewing: a fit on fewer grades would learn noise. PrepBot also re-fits everyone with enough history once a week.",
            FsrsOptimizationOutcome.KeptDefaults => "Your weights stay the defaults; PrepBot tries again once a week as your history grows.",
            _ when profile.Scheduler == SchedulerKind.Fsrs => "Your weights are now your own: your cards were re-dated by them, and `/stats` predicts with them.",
            _ => "Your weights are now your own: `/stats` predicts with them, and they date your reviews if you switch with `/me scheduler use:fsrs`.",
        };
        return [Reply.Text($"**FSRS fit** — {result.Message}\n{next}")];
    }

    private static string Describe(SchedulingProfile profile) => profile.Scheduler == SchedulerKind.Fsrs
        ? string.Create(C, $"You use **FSRS-6** at a target retention of {Percent(profile.Parameters.DesiredRetention)}, with {(profile.Fitted ? "weights fitted to your reviews" : "the default weights (`/me optimize` fits them once you have 400 reviews)")}. `/me scheduler use:sm2` goes back to SM-2 without losing a card.")
        : "You use **SM-2**, PrepBot's default: intervals grow by a per-card ease factor. **FSRS-6** (`/me scheduler use:fsrs`) models how stable each memory is and times each review for when your recall would fall to your target retention (`/me retention`, default 90%); it usually needs fewer reviews for the same recall. Switching keeps every card, and you can switch back.";

    private async Task<Reply?> PausedAsync(LearnerContext learner, string command, CancellationToken cancellationToken)
    {
        var pause = await pauses.CurrentAsync(learner.Id, learner.Zone, cancellationToken).ConfigureAwait(false);
        return pause is null
            ? null
            : Reply.Text(string.Create(C, $"`{command}`: you are paused until {pause.LastDay:ddd d MMM}, and the pause has moved your reviews out of it; change this when you are back (`/me pause days:0` ends the pause now)."));
    }

    private static string Name(SchedulerKind scheduler) => scheduler == SchedulerKind.Fsrs ? "FSRS-6" : "SM-2";

    private static string Percent(double retention) => retention.ToString("0.#%", C);

    private static string Cards(int count) => count == 1 ? "1 card" : string.Create(C, $"{count} cards");

    private static string DueNow(int due) => due switch
    {
        0 => "Nothing is due right now.",
        1 => "1 review is due now (`/review`).",
        _ => string.Create(C, $"{due} reviews are due now (`/review`)."),
    };
}
