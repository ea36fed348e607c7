using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Features.Star;

/// <summary>
/// <c>/star</c>: a behavioural prompt (due first, else new; <c>competency:</c> narrows it) with a button that opens a
/// Situation / Task / Action / Result form (plus "what did you learn"), or a select that fills the form from a saved
/// story. The answer is judged by <see cref="StarAnalyzer"/>, saved to the story bank and grades the card with SM-2 —
/// once, however often the form is submitted. <c>timed:true</c> adds a two-minute timer; the time taken is noted.
/// </summary>
public sealed partial class StarHandler(
    CardCatalog catalog,
    StarPrompts prompts,
    StarStoryStore stories,
    ReviewStore reviews,
    TimeProvider time,
    ILogger<StarHandler> logger)
{
    public const string CompetencyOption = "competency";
    public const string TimedOption = "timed";
    public const int TimerMinutes = 2;

    public const string SituationField = "situation";
    public const string TaskField = "task";
    public const string ActionField = "action";
    public const string ResultField = "result";
    public const string LearnedField = "learned";

    /// <summary>Discord's limit for one text input.</summary>
    public const int FieldMaxLength = 4000;

    public async Task<IReadOnlyList<Reply>> HandleCommandAsync(LearnerIdentity who, LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(command);
        var competency = command.Get(CompetencyOption)?.Trim().ToLowerInvariant();
        var known = prompts.Competencies;
        if (known.Count == 0)
        {
            return [Reply.Text("The deck has no behavioural prompts yet (cards under `content/behavioral/`).")];
        }

        if (competency is not null && !known.Contains(competency, StringComparer.Ordinal))
        {
            var suggestion = Suggestions.Closest(competency, known);
            return [Reply.Text($"No behavioural prompt lists the competency `{competency}`."
                + (suggestion is null ? string.Empty : $" Did you mean `{suggestion}`?")
                + $" Competencies: {string.Join(", ", known.Select(k => $"`{k}`"))}.")];
        }

        var pick = await prompts.PickAsync(learner.Id, competency, cancellationToken).ConfigureAwait(false);
        if (pick is null)
        {
            return [Reply.Text("There is no behavioural prompt to drill right now.")];
        }

        var now = time.GetUtcNow();
        var timed = command.GetBool(TimedOption) == true;
        var token = new StarToken(StarAction.Write, learner.Id, pick.Picked.Version, timed ? TruncateToSecond(now) : null, pick.Picked.Card.Id);
        var saved = timed ? [] : await stories.ListAsync(learner.Id, StarStoryStore.ListLimit, cancellationToken).ConfigureAwait(false);
        return [Prompt(pick, token, saved)];
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, StarToken token, UserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(learner);
        ArgumentNullException.ThrowIfNull(token);
        if (token.LearnerId != learner.Id)
        {
            return [Reply.Text("This STAR prompt was sent to someone else. Start your own with `/star`.")];
        }

        if (catalog.Find(token.CardId) is not { Kind: CardKind.Behavioral } card)
        {
            return [Reply.Text($"The prompt `{token.CardId}` is no longer in the deck. Try `/star` for another.")];
        }

        switch (token.Action)
        {
            case StarAction.Write when input is ButtonInput:
                return [Reply.Form(Form(card, token, story: null))];
            case StarAction.Reuse when input is SelectInput { Values: [var value] }:
                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    || await stories.FindAsync(learner.Id, id, cancellationToken).ConfigureAwait(false) is not { } story)
                {
                    return [Reply.Text($"You have no saved story `{value}`. `/stories list` shows yours.")];
                }

                return [Reply.Form(Form(card, token, story))];
            case StarAction.Submit when input is ModalInput form:
                return await SubmitAsync(learner, card, token, form, cancellationToken).ConfigureAwait(false);
            default:
                return [Reply.Text("That did not come with what PrepBot expected. Start again with `/star`.")];
        }
    }

    private static Reply Prompt(StarPick pick, StarToken token, IReadOnlyList<StarStory> saved)
    {
        var card = pick.Picked.Card;
        var text = new StringBuilder();
        text.Append(pick.IsDue ? "**STAR drill** · due for review" : pick.IsAhead ? "**STAR drill** · nothing is due; practising ahead" : "**STAR drill** · new prompt");
        var competencies = StarRubric.CompetenciesOf(card);
        if (competencies.Count > 0)
        {
            text.Append(" · ").AppendJoin(", ", competencies);
        }

        text.Append("\n\n**").Append(Title(card)).Append("**\n\n");
        text.Append(card.Section("Prompt")?.Markdown ?? string.Empty);
        text.Append("\n\nAnswer in four parts: **Situation**, **Task**, **Action** (most of your answer: what *you* did), ")
            .Append("**Result** (with numbers). Spoken, it should take 1.5–3 minutes.");
        if (card.Section("Hint") is { } hint)
        {
            text.Append("\n\n*Tip:* ").Append(hint.Markdown);
        }

        if (token.StartedAt is { } started)
        {
            var end = started.AddMinutes(TimerMinutes);
            text.Append("\n\n⏱ **").Append(TimerMinutes.ToString(CultureInfo.InvariantCulture)).Append("-minute timer**: ");
            text.Append(ReplyText.Time(end, TimeStyle.Deadline)).Append('.');
            text.Append(" Say your answer out loud as you would in the interview, then press **Write my answer** and type what you said.");
        }

        ReplySelect? select = null;
        if (saved.Count > 0)
        {
            select = new ReplySelect(
                token.With(StarAction.Reuse).Format(),
                "Start from a saved story",
                [.. saved.Select(story => new SelectOption(
                    Cut(string.Create(CultureInfo.InvariantCulture, $"#{story.Id} · {story.Competencies.Replace(",", ", ", StringComparison.Ordinal)}"), 100),
                    story.Id.ToString(CultureInfo.InvariantCulture),
                    Cut(story.PromptTitle, 100)))]);
        }

        return new Reply
        {
            Markdown = text.ToString(),
            Buttons = [new ReplyButton("Write my answer", token.Format(), ButtonStyle.Primary)],
            Select = select,
        };
    }

    private static ModalRequest Form(Card card, StarToken token, StarStory? story)
    {
        var submit = token.With(StarAction.Submit).Format();
        return new ModalRequest(submit, "STAR: " + Title(card),
        [
            Field(SituationField, "Situation", "Where, when, what was at stake (2–3 sentences).", story?.Situation),
            Field(TaskField, "Task", "What you personally had to achieve.", story?.Task),
            Field(ActionField, "Action", "The steps you took yourself, in order, and why.", story?.Action),
            Field(ResultField, "Result", "What happened, with numbers.", story?.Result),
            Field(LearnedField, "What did you learn? (optional)", "What you would do again or differently.", story?.Learned),
        ]);
    }

    private static ModalField Field(string id, string label, string placeholder, string? value) =>
        new(id, label, IsParagraph: true, IsRequired: false, MaxLength: FieldMaxLength, Placeholder: placeholder,
            Value: string.IsNullOrEmpty(value) ? null : value);

    private async Task<IReadOnlyList<Reply>> SubmitAsync(LearnerContext learner, Card card, StarToken token, ModalInput form, CancellationToken cancellationToken)
    {
        string Get(string id) => form.Fields.TryGetValue(id, out var value) ? value.Trim() : string.Empty;
        var answer = new StarAnswer(Get(SituationField), Get(TaskField), Get(ActionField), Get(ResultField), Get(LearnedField));
        if (form.Fields.Values.FirstOrDefault(v => v.Length > FieldMaxLength) is { } tooLong)
        {
            return [Reply.Text(string.Create(CultureInfo.InvariantCulture, $"One part is {tooLong.Length} characters; each part takes at most {FieldMaxLength}. Nothing was saved."))];
        }

        if (answer.IsEmpty)
        {
            return [Reply.Text("Situation, Task, Action and Result are all empty, so there is nothing to judge. Press **Write my answer** again.")];
        }

        var analysis = StarAnalyzer.Analyze(answer, StarRubric.From(card));
        var now = time.GetUtcNow();
        TimeSpan? taken = token.StartedAt is { } started ? TimeSpan.FromSeconds(Math.Max(0, Math.Round((now - started).TotalSeconds))) : null;
        var outcome = await reviews.RecordAsync(learner.Id, card.Id, token.Version, analysis.Quality, learner.Zone, cancellationToken).ConfigureAwait(false);
        if (outcome.Result == RecordResult.Duplicate)
        {
            return [AlreadyRecorded()];
        }

        var story = new StarStory
        {
            LearnerId = learner.Id,
            CardId = card.Id,
            StateVersion = token.Version,
            PromptTitle = Cut(Title(card), 200),
            Competencies = string.Join(',', StarRubric.CompetenciesOf(card)),
            Situation = answer.Situation,
            Task = answer.Task,
            Action = answer.Action,
            Result = answer.Result,
            Learned = answer.Learned ?? string.Empty,
            Score = analysis.Overall,
            SecondsTaken = taken is { } t ? (int)t.TotalSeconds : null,
            CreatedAt = now,
        };
        if (!await stories.SaveAsync(story, cancellationToken).ConfigureAwait(false))
        {
            return [AlreadyRecorded()];
        }

        LogStarAnswer(card.Id, analysis.Overall, outcome.Result);
        var text = new StringBuilder(StarFeedback.Markdown(Title(card), analysis, taken));
        text.Append("\n\n");
        text.Append(outcome.Result == RecordResult.Recorded
            ? string.Create(CultureInfo.InvariantCulture, $"Graded **{Study.StudyFlow.GradeName(analysis.Quality)}** ({analysis.Overall}/100); this prompt comes back {When(outcome.State.Due, learner.Zone)}.")
            : "Not graded: you have answered this prompt since this one was asked.");
        text.Append(CultureInfo.InvariantCulture, $" Saved to your story bank as **#{story.Id}**.");
        return
        [
            new Reply
            {
                Markdown = text.ToString(),
                Buttons =
                [
                    new ReplyButton("Another prompt", CommandButtons.Prefix + "star", ButtonStyle.Primary),
                    new ReplyButton("My stories", CommandButtons.Prefix + "stories list"),
                ],
            },
        ];
    }

    private static Reply AlreadyRecorded() =>
        Reply.Text("That answer was already recorded and saved — each answer counts once. `/stories list` shows it.");

    private string When(DateTimeOffset due, TimeZoneInfo zone)
    {
        var days = StudyCalendar.StudyDay(due, zone).DayNumber - StudyCalendar.StudyDay(time.GetUtcNow(), zone).DayNumber;
        return days switch
        {
            <= 0 => "later today",
            1 => "tomorrow",
            _ => string.Create(CultureInfo.InvariantCulture, $"in {days} days"),
        };
    }

    private static string Title(Card card) => card.Title ?? card.Id;

    private static DateTimeOffset TruncateToSecond(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "STAR answer to {CardId} scored {Score} ({Result})")]
    private partial void LogStarAnswer(string cardId, int score, RecordResult result);
}
