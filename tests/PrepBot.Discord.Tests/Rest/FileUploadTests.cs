using PrepBot.Discord.Models;
using PrepBot.Discord.Tests.Support;
using PrepBot.FakeDiscord.Gateway;

namespace PrepBot.Discord.Tests.Rest;

/// <summary>Files go out as multipart/form-data (payload_json + files[n]) on the callback, the edit of the original and follow-ups.</summary>
public sealed class FileUploadTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // The first 24 bytes of a 3×2 PNG: signature and IHDR (width, height) are all the fake reads.
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 3, 0, 0, 0, 2];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FileUpload Chart(string name = "chart.png") => new(name, Png, "image/png") { Description = "Reviews per day" };

    [Fact]
    public async Task Callback_with_a_file_reaches_Discord_as_an_attachment_of_the_answer()
    {
        await using var harness = await StartAsync();
        var interaction = await DispatchAsync(harness);

        await harness.Rest.CreateInteractionResponseAsync(
            interaction.Id, interaction.Token,
            InteractionResponse.Message(new InteractionCallbackData { Content = "Your week", Flags = MessageFlags.Ephemeral }),
            [Chart()], Ct);

        var original = await harness.Fake.WaitForOriginalResponseAsync(interaction.Id.ToString(), cancellationToken: Ct);
        var attachment = Assert.Single(original.Attachments);
        Assert.Equal(("chart.png", "Reviews per day", "image/png"), (attachment.Filename, attachment.Description, attachment.ContentType));
        Assert.Equal((3, 2), (attachment.Width, attachment.Height));
        Assert.Equal(Png, attachment.Content.ToArray());
        Assert.Equal("Your week", original.Content);
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public async Task Deferred_answer_gets_its_file_with_the_edit_and_a_follow_up_carries_its_own()
    {
        await using var harness = await StartAsync();
        var interaction = await DispatchAsync(harness);
        var appId = harness.Gateway.ApplicationId!.Value;

        await harness.Rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.DeferMessage(ephemeral: true), Ct);
        await harness.Rest.EditOriginalInteractionResponseAsync(appId, interaction.Token, new WebhookMessage { Content = "Stats" }, [Chart("a.png")], Ct);
        var followUp = await harness.Rest.CreateFollowupMessageAsync(appId, interaction.Token, new WebhookMessage { Content = "More", Flags = MessageFlags.Ephemeral }, [Chart("b.png")], Ct);

        var original = await harness.Fake.WaitForOriginalResponseAsync(interaction.Id.ToString(), cancellationToken: Ct);
        Assert.Equal("a.png", Assert.Single(original.Attachments).Filename);
        Assert.Equal("b.png", Assert.Single(followUp.Attachments!).Filename);
        Assert.Equal(Png.Length, followUp.Attachments![0].Size);
        Assert.Empty(harness.Fake.Rejections);
    }

    [Fact]
    public async Task Channel_post_with_a_file_is_stored_with_it()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var channel = Snowflake.Parse(harness.Fake.Options.Guilds[0].DefaultChannel.Id);

        var posted = await harness.Rest.CreateMessageAsync(channel, new MessageCreate { Content = "Cohort week" }, [Chart()], Ct);

        Assert.Equal("chart.png", Assert.Single(posted.Attachments!).Filename);
        Assert.Equal(Png, Assert.Single(harness.Fake.GetMessages(channel.ToString())).Attachments[0].Content.ToArray());
    }

    [Fact]
    public async Task Eleven_files_are_refused_before_anything_is_sent()
    {
        await using var harness = await DiscordHarness.StartAsync();
        var channel = Snowflake.Parse(harness.Fake.Options.Guilds[0].DefaultChannel.Id);

        var error = await Assert.ThrowsAsync<DiscordLimitException>(() =>
            harness.Rest.CreateMessageAsync(channel, new MessageCreate { Content = "x" }, [.. Enumerable.Range(0, 11).Select(i => Chart($"{i}.png"))], Ct));

        Assert.Contains("at most 10 files", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Fake.GetMessages(channel.ToString()));
    }

    private static async Task<DiscordHarness> StartAsync()
    {
        var harness = await DiscordHarness.StartAsync();
        harness.StartGateway();
        await harness.Gateway.WaitUntilReadyAsync(Ct).WaitAsync(Wait, Ct);
        return harness;
    }

    private static async Task<Interaction> DispatchAsync(DiscordHarness harness)
    {
        await harness.Fake.DispatchInteractionAsync(FakeInteraction.SlashCommand("stats"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Wait);
        while (true)
        {
            var dispatch = await harness.Gateway.Dispatches.ReadAsync(timeout.Token);
            if (dispatch.Interaction is { } interaction)
            {
                return interaction;
            }
        }
    }
}
