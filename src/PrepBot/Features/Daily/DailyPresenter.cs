using System.Globalization;
using PrepBot.Content;
using PrepBot.Conversation;
using PrepBot.Features.Study;

namespace PrepBot.Features.Daily;

/// <summary>The public messages of the daily question: the post with its answer buttons, and the answer in its thread.</summary>
public static class DailyPresenter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="card">Today's card.</param>
    /// <param name="guildId">The server: multiple-choice options are shown in one order per server and day.</param>
    /// <param name="postId">The day's record (its buttons carry it).</param>
    /// <param name="date">The server's local day.</param>
    /// <param name="week">The cohort's week of the plan, or null without a cohort start.</param>
    /// <param name="tables">SQL cards: the dataset's tables (Markdown).</param>
    public static Reply Post(Card card, string guildId, long postId, DateOnly date, int? week, string? tables)
    {
        ArgumentNullException.ThrowIfNull(card);
        var lead = week is { } w
            ? $"📅 **Daily question** · {Day(date)} · week {w} of the cohort"
            : $"📅 **Daily question** · {Day(date)}";

        // The question as a learner sees it; its study buttons are replaced by the post's own, which open a private flow per learner.
        var placeholder = new StudyToken(StudyAction.Reveal, StudyMode.Quiz, 0, 0, HintUsed: false, card.Id);
        var order = card.IsMultipleChoice ? ChoiceOrder.ForDailyPost(guildId, date, card.Id, card.Choices.Count) : null;
        var question = CardPresenter.Question(card, placeholder, lead, tables, order);
        var footer = card.IsMultipleChoice
            ? "_Pick your answer below — only you see the result, and it counts as a review. Discuss in the thread; the answer is posted there with tomorrow's question._"
            : "_Answer privately with the buttons — it counts as a review. Discuss in the thread; the answer is posted there with tomorrow's question._";

        var buttons = new List<ReplyButton>();
        ReplySelect? select = null;
        if (card.IsMultipleChoice)
        {
            select = question.Select! with { CustomId = new DailyToken(DailyAction.Choose, postId).Format() };
        }
        else if (card.Kind == CardKind.Sql)
        {
            buttons.Add(new ReplyButton("Write a query", new DailyToken(DailyAction.Write, postId).Format(), ButtonStyle.Primary));
            buttons.Add(new ReplyButton("Reveal & grade myself", new DailyToken(DailyAction.Reveal, postId).Format()));
        }
        else
        {
            buttons.Add(new ReplyButton("Reveal & grade myself", new DailyToken(DailyAction.Reveal, postId).Format(), ButtonStyle.Primary));
            buttons.Add(new ReplyButton(card.Kind == CardKind.Concept ? "Write an answer" : "Write my answer", new DailyToken(DailyAction.Write, postId).Format()));
        }

        buttons.Add(new ReplyButton("Show answer", new DailyToken(DailyAction.Show, postId).Format()));
        return new Reply { Markdown = question.Markdown + "\n\n" + footer, Buttons = buttons, Select = select, IsPrivate = false };
    }

    /// <summary>The name of the discussion thread, e.g. <c>Daily Tue 3 Mar — window-functions</c>.</summary>
    public static string ThreadName(Card card, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(card);
        return $"Daily {date.ToString("ddd d MMM", Invariant)} — {card.Title ?? card.Topic}";
    }

    /// <summary>The answer, posted in the question's thread when the next question goes out.</summary>
    public static Reply Reveal(Card card, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Reply
        {
            Markdown = $"🔑 **Answer to the question of {Day(date)}**\n\n{CardPresenter.AnswerMarkdown(card)}",
            IsPrivate = false,
        };
    }

    /// <summary>The answer for one learner, hidden behind a spoiler.</summary>
    public static Reply Spoiler(Card card, string lead)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new Reply { Markdown = lead, Spoiler = CardPresenter.AnswerMarkdown(card) };
    }

    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", Invariant);
}
