using PrepBot.Conversation;
using PrepBot.Features.Study;

namespace PrepBot.Features.Quiz;

/// <summary><c>/quiz</c>: one question now — a due review if there is one, else a card the learner has not seen.</summary>
public sealed class QuizHandler(CardPicker picker, StudyFlow study)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerContext learner, CancellationToken cancellationToken)
    {
        var picked = await picker.ForQuizAsync(learner.Id, cancellationToken).ConfigureAwait(false);
        return picked is null
            ? [Reply.Text("You have seen every card in the deck and nothing is due. Come back later, or check `/stats`.")]
            : [study.Ask(learner, picked, StudyMode.Quiz)];
    }
}
