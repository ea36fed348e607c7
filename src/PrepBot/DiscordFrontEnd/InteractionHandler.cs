using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Discord.Models;
using PrepBot.Discord.Rest;
using PrepBot.Telemetry;

namespace PrepBot.DiscordFrontEnd;

/// <summary>
/// Answers one interaction: translates it, runs it through the <see cref="ConversationRouter"/>, and responds well
/// inside Discord's 3-second window. When the features answer within <see cref="DiscordFrontEndOptions.AnswerDirectlyWithinMilliseconds"/>
/// the answer is the callback itself; otherwise the interaction is deferred ("PrepBot is thinking…", ephemeral) and the
/// answer replaces it when ready (Discord's window is real time: the deadline runs on the Discord client's clock, not on
/// the features' clock that tests may fake). Further messages (a long reply split in parts, a second reply) go out as follow-ups.
/// </summary>
public sealed partial class InteractionHandler(
    ConversationRouter router,
    OptionSuggestions suggestions,
    DiscordRestClient rest,
    IOptions<DiscordFrontEndOptions> options,
    [FromKeyedServices(DiscordServiceCollectionExtensions.ClockKey)] TimeProvider time,
    ILogger<InteractionHandler> logger)
{
    public async Task HandleAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var started = time.GetTimestamp();
        var scope = new InteractionLogScope(InteractionLogScope.CommandOf(interaction), interaction.Id);
        using var logScope = logger.BeginScope(scope);
        var outcome = new InteractionOutcome();
        try
        {
            await RespondAsync(interaction, outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordApiException ex)
        {
            outcome.Result = InteractionOutcome.Refused;
            LogDiscordRefused(ex, interaction.Id, (int)ex.StatusCode, ex.Code);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome.Result = InteractionOutcome.Failed;
            LogFailed(ex, interaction.Id);
        }

        var elapsed = time.GetElapsedTime(started);
        var command = new KeyValuePair<string, object?>("command", scope.Command);
        var result = new KeyValuePair<string, object?>("outcome", outcome.Result);
        PrepBotMetrics.Interactions.Add(1, command, result);
        PrepBotMetrics.InteractionDuration.Record(elapsed.TotalSeconds, command, result);
        LogHandled(outcome.Result, elapsed.TotalMilliseconds);
    }

    private async Task RespondAsync(Interaction interaction, InteractionOutcome outcome, CancellationToken cancellationToken)
    {
        if (interaction.Type == InteractionType.Ping)
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Pong(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (interaction.Type == InteractionType.ApplicationCommandAutocomplete)
        {
            var typing = InteractionTranslator.TranslateAutocomplete(interaction, options.Value.DefaultTimeZone);
            var choices = typing is { } t ? suggestions.Suggest(t.Who, t.CommandPath, t.Option, t.Typed) : [];
            var response = InteractionResponse.Autocomplete(choices.Select(c => new ApplicationCommandOptionChoice { Name = c.Name, Value = c.Value }));
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken).ConfigureAwait(false);
            return;
        }

        var translated = InteractionTranslator.Translate(interaction, options.Value.DefaultTimeZone);
        if (translated is not { } acted)
        {
            LogUntranslatable(interaction.Id, interaction.Type);
            await SendAsync(interaction, [Reply.Text("PrepBot cannot act on that (it carried no user or no data).")], deferred: false, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        // On the thread pool, so a feature that works synchronously for a while (grading a SQL query) cannot hold up
        // the deadline that decides whether to defer.
        var work = Task.Run(() => RunAsync(acted.Who, acted.Input, outcome, cancellationToken), cancellationToken);
        var deadline = TimeSpan.FromMilliseconds(options.Value.AnswerDirectlyWithinMilliseconds);
        var finished = await Task.WhenAny(work, Task.Delay(deadline, time, cancellationToken)).ConfigureAwait(false);
        if (finished == work)
        {
            await SendAsync(interaction, await work.ConfigureAwait(false), deferred: false, cancellationToken).ConfigureAwait(false);
            return;
        }

        LogDeferred(interaction.Id, deadline.TotalMilliseconds);
        PrepBotMetrics.InteractionsDeferred.Add(1, new KeyValuePair<string, object?>("command", InteractionLogScope.CommandOf(interaction)));
        if (outcome.Result == InteractionOutcome.Answered)
        {
            outcome.Result = InteractionOutcome.Deferred;
        }

        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.DeferMessage(ephemeral: true), cancellationToken)
            .ConfigureAwait(false);
        await SendAsync(interaction, await work.ConfigureAwait(false), deferred: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Reply>> RunAsync(LearnerIdentity who, UserInput input, InteractionOutcome outcome, CancellationToken cancellationToken)
    {
        try
        {
            return await router.HandleAsync(who, input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome.Result = InteractionOutcome.Failed;
            LogFeatureFailed(ex, who.UserId);
            return [Reply.Text("Something went wrong on PrepBot's side with that. Nothing you saved was lost; please try again.")];
        }
    }

    /// <summary>The first message is the callback (or, after a deferral, the edit of the "thinking…" message); the rest are follow-ups.</summary>
    private async Task SendAsync(Interaction interaction, IReadOnlyList<Reply> replies, bool deferred, CancellationToken cancellationToken)
    {
        var first = true;
        foreach (var reply in replies)
        {
            var rendered = ReplyRenderer.Render(reply);
            if (rendered.Modal is { } modal)
            {
                if (first && !deferred && interaction.Type != InteractionType.ModalSubmit)
                {
                    await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, modal, cancellationToken).ConfigureAwait(false);
                    return;
                }

                // Discord opens a form only as the immediate answer to a command or button.
                rendered = ReplyRenderer.Render(Reply.Text("That took too long to open the form — press the button again."));
            }

            for (var i = 0; i < rendered.Messages.Count; i++)
            {
                var message = rendered.Messages[i];

                // Files travel with the last message of the reply, as multipart/form-data.
                IReadOnlyList<FileUpload> files = i == rendered.Messages.Count - 1 ? rendered.Files : [];
                if (first && !deferred)
                {
                    await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Message(message), files, cancellationToken)
                        .ConfigureAwait(false);
                }
                else if (first)
                {
                    await rest.EditOriginalInteractionResponseAsync(interaction.ApplicationId, interaction.Token, ToWebhook(message), files, cancellationToken)
                        .ConfigureAwait(false);
                }
                else
                {
                    await rest.CreateFollowupMessageAsync(interaction.ApplicationId, interaction.Token, ToWebhook(message), files, cancellationToken)
                        .ConfigureAwait(false);
                }

                first = false;
            }
        }
    }

    private static WebhookMessage ToWebhook(InteractionCallbackData message) => new()
    {
        Content = message.Content,
        Components = message.Components,
        Flags = message.Flags,
        AllowedMentions = message.AllowedMentions,
        Attachments = message.Attachments,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord refused the answer to interaction {InteractionId}: HTTP {Status}, code {Code}")]
    private partial void LogDiscordRefused(Exception exception, Snowflake interactionId, int status, int? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering interaction {InteractionId} failed")]
    private partial void LogFailed(Exception exception, Snowflake interactionId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A feature failed for user {UserId}")]
    private partial void LogFeatureFailed(Exception exception, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Interaction {InteractionId} of type {Type} carried nothing to act on")]
    private partial void LogUntranslatable(Snowflake interactionId, InteractionType type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Interaction {InteractionId} deferred: no answer within {Milliseconds} ms")]
    private partial void LogDeferred(Snowflake interactionId, double milliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Interaction {Outcome} in {Milliseconds:0.0} ms")]
    private partial void LogHandled(string outcome, double milliseconds);

    /// <summary>How one interaction ended, as the <c>outcome</c> tag of its metrics (set from the feature's thread too).</summary>
    private sealed class InteractionOutcome
    {
        public const string Answered = "answered";
        public const string Deferred = "deferred";
        public const string Failed = "failed";
        public const string Refused = "refused";

        private volatile string _result = Answered;

        public string Result
        {
            get => _result;
            set => _result = value;
        }
    }
}
