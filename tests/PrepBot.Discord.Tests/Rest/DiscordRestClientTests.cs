using System.Net;
using PrepBot.Discord.Gateway;
using PrepBot.Discord.Models;
using PrepBot.Discord.Tests.Support;
using PrepBot.FakeDiscord;
using PrepBot.FakeDiscord.Gateway;

namespace PrepBot.Discord.Tests.Rest;

public sealed class DiscordRestClientTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Snowflake Channel(DiscordHarness harness) => Snowflake.Parse(harness.Fake.Options.Guilds[0].DefaultChannel.Id);

    [Fact]
    public async Task Message_post_reaches_the_channel_with_a_nonce_and_no_pings()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var channel = Channel(harness);

        var message = await harness.Rest.CreateMessageAsync(channel, new MessageCreate
        {
            Content = "Today's question",
            AllowedMentions = AllowedMentions.None,
            Components = [Component.ActionRow(Component.Button(ButtonStyle.Primary, "reveal:1", "Reveal"))],
        }, Ct);

        var stored = Assert.Single(harness.Fake.GetMessages(channel.ToString()));
        Assert.Equal(message.Id.ToString(), stored.Id);
        Assert.Equal(["reveal:1"], stored.CustomIds);
        Assert.False(string.IsNullOrEmpty(stored.Nonce));
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public async Task Message_edit_changes_the_stored_message()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var channel = Channel(harness);
        var message = await harness.Rest.CreateMessageAsync(channel, new MessageCreate { Content = "v1" }, Ct);

        await harness.Rest.EditMessageAsync(channel, message.Id, new MessageEdit { Content = "v2", Components = [] }, Ct);

        Assert.Equal("v2", harness.Fake.FindMessage(message.Id.ToString())!.Content);
    }

    [Fact]
    public async Task Direct_message_goes_through_the_DM_channel()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var learner = Snowflake.Parse(FakeUser.DefaultLearner.Id);

        var dm = await harness.Rest.CreateDirectMessageChannelAsync(learner, Ct);
        await harness.Rest.CreateMessageAsync(dm.Id, new MessageCreate { Content = "3 cards are due" }, Ct);

        Assert.Equal(ChannelType.DirectMessage, dm.Type);
        Assert.Equal("3 cards are due", Assert.Single(harness.Fake.GetMessages(dm.Id.ToString())).Content);
    }

    [Fact]
    public async Task User_who_blocks_DMs_gives_error_50007()
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.Fake.SetCannotDm(FakeUser.DefaultLearner.Id);
        var dm = await harness.Rest.CreateDirectMessageChannelAsync(Snowflake.Parse(FakeUser.DefaultLearner.Id), Ct);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Rest.CreateMessageAsync(dm.Id, new MessageCreate { Content = "hi" }, Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(DiscordApiException.CannotSendMessagesToThisUser, error.Code);
        Assert.Contains("POST /channels/{channel_id}/messages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_thread_is_created_and_a_member_added()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var learner = Snowflake.Parse(FakeUser.DefaultLearner.Id);

        var thread = await harness.Rest.StartThreadAsync(Channel(harness), new StartThreadWithoutMessage { Name = "Mock interview", Type = ChannelType.PrivateThread, Invitable = false }, Ct);
        await harness.Rest.AddThreadMemberAsync(thread.Id, learner, Ct);

        Assert.Equal(ChannelType.PrivateThread, thread.Type);
        Assert.Contains(learner.ToString(), harness.Fake.GetThreadMembers(thread.Id.ToString()));
    }

    [Fact]
    public async Task Public_thread_is_started_from_a_message()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var message = await harness.Rest.CreateMessageAsync(Channel(harness), new MessageCreate { Content = "Daily question" }, Ct);

        var thread = await harness.Rest.StartThreadFromMessageAsync(Channel(harness), message.Id, new StartThreadFromMessage { Name = "Discussion", AutoArchiveDuration = 1440 }, Ct);

        Assert.Equal(ChannelType.PublicThread, thread.Type);
        Assert.Contains(harness.Fake.Threads, t => t.Id == thread.Id.ToString());
    }

    [Fact]
    public async Task Interaction_is_answered_deferred_then_followed_up_and_edited()
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);
        await harness.Fake.DispatchInteractionAsync(FakeInteraction.SlashCommand("review"));
        var interaction = await NextInteractionAsync(harness.Gateway);
        var appId = harness.Gateway.ApplicationId!.Value;

        await harness.Rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.DeferMessage(ephemeral: true), Ct);
        await harness.Rest.EditOriginalInteractionResponseAsync(appId, interaction.Token, new WebhookMessage { Content = "Card 1 of 3", AllowedMentions = AllowedMentions.None }, Ct);
        await harness.Rest.CreateFollowupMessageAsync(appId, interaction.Token, new WebhookMessage { Content = "Well done", Flags = MessageFlags.Ephemeral }, Ct);

        var original = await harness.Fake.WaitForOriginalResponseAsync(interaction.Id.ToString(), cancellationToken: Ct);
        Assert.Equal("Card 1 of 3", original.Content);
        Assert.True(original.IsEphemeral);
        Assert.Equal("Well done", Assert.Single(harness.Fake.GetFollowUps(interaction.Id.ToString())).Content);
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public async Task Modal_is_opened_and_its_submit_is_read_from_labels()
    {
        await using var harness = await DiscordHarness.StartAsync();
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);
        await harness.Fake.DispatchInteractionAsync(FakeInteraction.SlashCommand("sql"));
        var command = await NextInteractionAsync(harness.Gateway);

        await harness.Rest.CreateInteractionResponseAsync(command.Id, command.Token, InteractionResponse.Modal(
            "sql:card-7",
            "Your SQL answer",
            Component.Labeled("Query", Component.TextInput("query", TextInputStyle.Paragraph, maxLength: 4000))), Ct);
        var modal = await harness.Fake.WaitForInteractionResponseAsync(command.Id.ToString(), cancellationToken: Ct);
        await harness.Fake.DispatchInteractionAsync(FakeInteraction.ModalSubmit(modal, new Dictionary<string, string> { ["query"] = "SELECT 1" }));
        var submit = await NextInteractionAsync(harness.Gateway);

        Assert.Equal(InteractionType.ModalSubmit, submit.Type);
        Assert.Equal("sql:card-7", submit.Data!.CustomId);
        Assert.Equal("SELECT 1", submit.Data.GetTextInputs()["query"]);
    }

    [Fact]
    public async Task Commands_are_registered_once_and_not_again_when_unchanged()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var appId = Snowflake.Parse(harness.Fake.ApplicationId);
        ApplicationCommand[] commands =
        [
            new()
            {
                Name = "quiz",
                Description = "Today's question",
                Contexts = [InteractionContextType.Guild, InteractionContextType.BotDm],
                Options = [new() { Type = ApplicationCommandOptionType.String, Name = "topic", Description = "Topic", Choices = [new() { Name = "SQL", Value = "sql" }] }],
            },
            new() { Name = "admin", Description = "Reload content", DefaultMemberPermissions = DiscordPermissions.ManageGuild, Contexts = [InteractionContextType.Guild] },
        ];

        var first = await harness.Rest.BulkOverwriteApplicationCommandsIfChangedAsync(appId, commands, cancellationToken: Ct);
        var second = await harness.Rest.BulkOverwriteApplicationCommandsIfChangedAsync(appId, commands, cancellationToken: Ct);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(1, harness.Fake.GlobalCommandOverwriteCount);
    }

    [Fact]
    public async Task Guild_commands_are_registered_in_the_guild()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var guild = Snowflake.Parse(harness.Fake.Options.Guilds[0].Id);

        await harness.Rest.BulkOverwriteApplicationCommandsAsync(Snowflake.Parse(harness.Fake.ApplicationId), [new ApplicationCommand { Name = "quiz", Description = "Quiz" }], guild, Ct);

        Assert.Equal(1, harness.Fake.GuildCommandOverwriteCount(guild.ToString()));
    }

    [Fact]
    public async Task Breaking_a_limit_sends_nothing()
    {
        await using var harness = await DiscordHarness.StartAsync();

        await Assert.ThrowsAsync<DiscordLimitException>(() => harness.Rest.CreateMessageAsync(Channel(harness), new MessageCreate { Content = new string('x', 2001) }, Ct));

        Assert.Empty(harness.Fake.AllMessages);
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public async Task Wrong_token_fails_with_401_and_stops_further_requests()
    {
        await using var harness = await DiscordHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:Token"] = "not-the-token" });

        var first = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Rest.CreateMessageAsync(Channel(harness), new MessageCreate { Content = "a" }, Ct));
        var second = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Rest.CreateMessageAsync(Channel(harness), new MessageCreate { Content = "b" }, Ct));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Contains("no further requests", second.Message, StringComparison.Ordinal);
        Assert.True(harness.RateLimiter.Unauthorized);
        Assert.DoesNotContain("not-the-token", first.Message + second.Message + harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interaction_tokens_stay_out_of_errors_and_logs()
    {
        await using var harness = await DiscordHarness.StartAsync();
        const string token = "interaction-token-that-is-secret";

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => harness.Rest.CreateFollowupMessageAsync(Snowflake.Parse(harness.Fake.ApplicationId), token, new WebhookMessage { Content = "x" }, Ct));

        Assert.Contains("/webhooks/{application_id}/{interaction_token}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.Message + harness.Logs.AllText, StringComparison.Ordinal);
    }

    private static async Task<Interaction> NextInteractionAsync(DiscordGatewayClient gateway)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Wait);
        while (true)
        {
            var dispatch = await gateway.Dispatches.ReadAsync(timeout.Token);
            if (dispatch.Interaction is { } interaction)
            {
                return interaction;
            }
        }
    }
}
