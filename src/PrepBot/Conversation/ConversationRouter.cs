using Microsoft.Extensions.Logging;
using PrepBot.Features;
using PrepBot.Features.Cards;
using PrepBot.Features.Daily;
using PrepBot.Features.Export;
using PrepBot.Features.Help;
using PrepBot.Features.Mock;
using PrepBot.Features.Plan;
using PrepBot.Features.Quiz;
using PrepBot.Features.Review;
using PrepBot.Features.Settings;
using PrepBot.Features.Star;
using PrepBot.Features.Stats;
using PrepBot.Features.Study;
using PrepBot.Learning;

namespace PrepBot.Conversation;

/// <summary>
/// The one entry point transports call: resolves (and on first use enrols) the learner, then hands the
/// input to the feature that owns it. Unknown commands and buttons get a reply that says so.
/// </summary>
public sealed partial class ConversationRouter(
    LearnerDirectory learners,
    QuizHandler quiz,
    ReviewHandler review,
    StatsHandler stats,
    HelpHandler help,
    PlanHandler plan,
    CardShowHandler cardShow,
    StudyFlow study,
    StarHandler star,
    StoriesHandler stories,
    SetupHandler setup,
    DailyAnswerHandler daily,
    DailyStore dailyStore,
    MockHandler mock,
    IMessenger messenger,
    GuildRoster roster,
    LeaderboardHandler leaderboard,
    MeHandler me,
    ExportHandler export,
    ILogger<ConversationRouter> logger)
{
    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerIdentity who, UserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        if (input is ButtonInput { CustomId: var meId } && meId.StartsWith(ForgetConfirmation.Prefix, StringComparison.Ordinal))
        {
            // Before enrolment: a stale "delete my data" button must not re-create the learner it deleted.
            var replies = await me.HandleButtonAsync(who, meId, cancellationToken).ConfigureAwait(false);
            if (replies is not null)
            {
                return replies;
            }

            LogUnknownComponent(meId);
            return [Reply.Text("PrepBot does not recognise that button (it may come from an older version). Try `/help`.")];
        }

        if (input is CommandInput { Name: ExportHandler.CommandName })
        {
            // Before enrolment: asking for your data must not create any.
            return await export.HandleAsync(who, cancellationToken).ConfigureAwait(false);
        }

        var learner = await learners.GetOrCreateAsync(who.Platform, who.UserId, who.DisplayName, who.DefaultTimeZoneId, cancellationToken)
            .ConfigureAwait(false);
        if (who.GuildId is { } guildId)
        {
            // The server's leaderboard ranks the learners who use PrepBot there.
            await roster.RecordAsync(guildId, learner.Id, cancellationToken).ConfigureAwait(false);
        }

        var zone = StudyCalendar.FindZone(learner.TimeZoneId) ?? TimeZoneInfo.Utc;
        var context = new LearnerContext(learner, zone);

        switch (input)
        {
            case CommandInput command:
                return await RunCommandAsync(who, context, command, cancellationToken).ConfigureAwait(false);
            case ButtonInput button when button.CustomId.StartsWith(CommandButtons.Prefix, StringComparison.Ordinal):
                return await RunCommandAsync(who, context, CommandLine.Parse(button.CustomId[CommandButtons.Prefix.Length..]), cancellationToken)
                    .ConfigureAwait(false);
        }

        var customId = input switch
        {
            ButtonInput button => button.CustomId,
            SelectInput select => select.CustomId,
            ModalInput modal => modal.CustomId,
            _ => string.Empty,
        };
        if (customId.StartsWith(StarToken.Prefix, StringComparison.Ordinal))
        {
            return StarToken.TryParse(customId, out var starToken)
                ? await star.HandleAsync(context, starToken, input, cancellationToken).ConfigureAwait(false)
                : Unrecognised(customId);
        }

        if (DailyToken.TryParse(customId, out var dailyToken))
        {
            return await daily.HandleAsync(who, context, dailyToken, input, cancellationToken).ConfigureAwait(false);
        }

        if (MockToken.TryParse(customId, out var mockToken))
        {
            return await mock.HandleComponentAsync(who, context, mockToken, input, cancellationToken).ConfigureAwait(false);
        }

        if (StudyToken.TryParse(customId, out var token))
        {
            return await study.HandleAsync(context, token, input, cancellationToken).ConfigureAwait(false);
        }

        return Unrecognised(customId);
    }

    private IReadOnlyList<Reply> Unrecognised(string customId)
    {
        LogUnknownComponent(customId);
        return [Reply.Text("PrepBot does not recognise that button (it may come from an older version). Try `/help`.")];
    }

    private async Task<IReadOnlyList<Reply>> RunCommandAsync(
        LearnerIdentity who, LearnerContext learner, CommandInput input, CancellationToken cancellationToken)
    {
        var command = CommandResolver.Resolve(CommandCatalog.All, input, out var error);
        if (command is null)
        {
            return [Reply.Text(error!)];
        }

        if (command.Descriptor.RequiresManageServer && !who.CanManageServer)
        {
            LogAdminRefused(command.Path, who.UserId);
            return [Reply.Text($"Only server admins (Manage Server) can use `/{command.Path}`.")];
        }

        if (command.Descriptor.GuildOnly && who.GuildId is null && command.Path.StartsWith("mock ", StringComparison.Ordinal))
        {
            return MockHandler.OutsideServer(command.Path, messenger.CanPost);
        }

        if (command.Descriptor.GuildOnly && who.GuildId is null)
        {
            return [Reply.Text($"`/{command.Path}` works inside a server channel, not here.")];
        }

        switch (command.Path)
        {
            case "quiz":
                return await quiz.HandleAsync(learner, command, cancellationToken).ConfigureAwait(false);
            case "review":
                return await review.HandleAsync(learner, cancellationToken).ConfigureAwait(false);
            case "stats":
                return await stats.HandleAsync(learner, cancellationToken).ConfigureAwait(false);
            case "leaderboard":
                return await leaderboard.HandleAsync(learner, who.GuildId!, cancellationToken).ConfigureAwait(false);
            case "me leaderboard":
                return await leaderboard.HandleSettingAsync(learner, command, cancellationToken).ConfigureAwait(false);
            case "help":
                return help.Handle(who.CanManageServer);
            case "plan":
                return await plan.HandleAsync(await WithCohortAsync(who, learner, cancellationToken).ConfigureAwait(false), command, cancellationToken)
                    .ConfigureAwait(false);
            case "mock start" or "mock queue" or "mock schedule" or "mock history":
                return await mock.HandleAsync(who, learner, command, cancellationToken).ConfigureAwait(false);
            case "card show":
                return cardShow.Handle(learner, command);
            case "star":
                return await star.HandleCommandAsync(who, learner, command, cancellationToken).ConfigureAwait(false);
            case "stories list":
                return await stories.ListAsync(learner, cancellationToken).ConfigureAwait(false);
            case "stories delete":
                return await stories.DeleteAsync(learner, command, cancellationToken).ConfigureAwait(false);
            case "setup daily" or "setup mix" or "setup cohort" or "setup show" or "setup pause" or "setup resume":
                return await setup.HandleAsync(who, command, cancellationToken).ConfigureAwait(false);
            case "me show":
                return await me.ShowAsync(learner, cancellationToken).ConfigureAwait(false);
            case "me timezone":
                return await me.TimeZoneAsync(learner, command, cancellationToken).ConfigureAwait(false);
            case "me reminder":
                return await me.ReminderAsync(learner, command, cancellationToken).ConfigureAwait(false);
            case "me pause":
                return await me.PauseAsync(learner, command, cancellationToken).ConfigureAwait(false);
            case "me cap":
                return await me.CapAsync(learner, command, cancellationToken).ConfigureAwait(false);
            case "me forget":
                return me.AskToForget(learner);
            default:
                // The catalog lists a command no handler owns: a programming error, said plainly rather than hidden.
                throw new InvalidOperationException($"No handler for /{command.Path}.");
        }
    }

    /// <summary>Inside a server with a cohort start (<c>/setup cohort</c>), the learner's context carries it.</summary>
    private async Task<LearnerContext> WithCohortAsync(LearnerIdentity who, LearnerContext learner, CancellationToken cancellationToken) =>
        who.GuildId is { } guildId && await dailyStore.GetSettingsAsync(guildId, cancellationToken).ConfigureAwait(false) is { CohortStart: { } start }
            ? learner with { CohortStart = start }
            : learner;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused admin command {Command} for user {UserId} without Manage Server")]
    private partial void LogAdminRefused(string command, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unrecognised component id {CustomId}")]
    private partial void LogUnknownComponent(string customId);
}
