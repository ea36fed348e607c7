using System.Globalization;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Study;

namespace PrepBot.Features.Quiz;

/// <summary>
/// <c>/quiz</c>: one question now — a due review if there is one, else a new card from the learner's week of the plan
/// (see <see cref="CardPicker"/>). <c>week:</c> and <c>topic:</c> ask for cards of that week or topic, later weeks included.
/// </summary>
public sealed class QuizHandler(CardPicker picker, CardCatalog catalog, StudyFlow study)
{
    public const string WeekOption = "week";
    public const string TopicOption = "topic";

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, ResolvedCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var topic = command.Get(TopicOption)?.ToLowerInvariant();
        if (topic is not null && !IsKnownTopic(topic))
        {
            var known = catalog.TopicIds.Order(StringComparer.Ordinal).ToList();
            var suggestion = Suggestions.Closest(topic, known);
            return [Reply.Text($"There is no topic `{topic}`."
                + (suggestion is null ? " `/plan` lists each week's topics." : $" Did you mean `{suggestion}`?"))];
        }

        var request = new CardRequest(command.GetInt(WeekOption), topic);
        var picked = await picker.ForQuizAsync(learner, request, cancellationToken).ConfigureAwait(false);
        if (picked is not null)
        {
            return [study.Ask(learner, picked, StudyMode.Quiz)];
        }

        var allowance = await picker.AllowanceAsync(learner, cancellationToken).ConfigureAwait(false);
        var capLeft = allowance.NewCap is null || allowance.NewDone < allowance.NewCap;
        if (!allowance.NewLeft && capLeft && allowance.ReviewsLeft && allowance.Pace is { } pace)
        {
            // The interview's pace, not the learner's cap, is what stops new cards today.
            return [Reply.Text(pace.UnseenNow == 0
                ? "You have seen every card of the plan and nothing is due. Keep reviewing as cards fall due; `/stats` shows your predicted recall on the interview day."
                : string.Create(
                    CultureInfo.InvariantCulture,
                    $"You have seen today's {pace.Limit} new card{(pace.Limit == 1 ? "" : "s")}, paced toward your interview (`/me interview`) so the rest of the plan is spread over the days until a week before it. "
                    + $"Nothing is due now. More tomorrow (your day starts at 04:00); `/stats` shows the countdown."))];
        }

        if (!allowance.NewLeft || !allowance.ReviewsLeft)
        {
            return [Reply.Text(string.Create(
                CultureInfo.InvariantCulture,
                $"You reached today's cap (`/me cap`): {allowance.ReviewsDone} of {allowance.ReviewCap?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"} reviews, "
                + $"{allowance.NewDone} of {allowance.NewCap?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"} new cards. More tomorrow (your day starts at 04:00), or raise it with `/me cap`."))];
        }

        return [Reply.Text(request.IsAsked
            ? $"You have answered every card of {Describe(request)} and none is due. Try `/review`, another week or topic, or `/plan` to see where you are."
            : "You have answered every card up to your week of the plan and nothing is due. "
                + "Ask for a later week with `/quiz week:<n>` or a topic with `/quiz topic:<id>`, or check `/plan` and `/stats`.")];
    }

    private bool IsKnownTopic(string topic) =>
        catalog.Plan?.Defines(topic) == true || catalog.Cards.Any(card => card.Topic == topic);

    private static string Describe(CardRequest request) => (request.Week, request.Topic) switch
    {
        ({ } week, { } topic) => $"topic `{topic}` in week {week}",
        ({ } week, null) => $"week {week}",
        (null, { } topic) => $"topic `{topic}`",
        _ => "the deck",
    };
}
