using PrepBot.Conversation;

namespace PrepBot.Tests.Support;

/// <summary>What a learner does in a chat, in one call: ask for a question, reveal it, grade it.</summary>
internal static class StudyActions
{
    public static ReplyButton Button(IReadOnlyList<Reply> replies, string label) =>
        replies.SelectMany(r => r.Buttons).Single(b => b.Label == label);

    /// <summary>Sends <paramref name="command"/> (default <c>/quiz</c>), reveals the answer and presses <paramref name="grade"/>; returns the question's text.</summary>
    public static async Task<string> AnswerAsync(this BotHarness bot, LearnerIdentity who, string grade, string command = "/quiz")
    {
        var question = await bot.SendAsync(who, CommandLine.Parse(command));
        var revealed = await bot.SendAsync(who, new ButtonInput(Button(question, "Reveal answer").CustomId));
        await bot.SendAsync(who, new ButtonInput(Button(revealed, grade).CustomId));
        return question[0].Markdown;
    }

    /// <summary>Runs a typed command such as <c>/plan week:3</c> and returns the first reply's Markdown.</summary>
    public static async Task<string> TypeAsync(this BotHarness bot, LearnerIdentity who, string command) =>
        (await bot.SendAsync(who, CommandLine.Parse(command)))[0].Markdown;
}
