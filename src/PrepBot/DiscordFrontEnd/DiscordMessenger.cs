using System.Globalization;
using System.Net;
using PrepBot.Conversation;
using PrepBot.Discord;
using PrepBot.Discord.Models;
using PrepBot.Discord.Rest;

namespace PrepBot.DiscordFrontEnd;

/// <summary>
/// <see cref="IMessenger"/> over the REST client: replies rendered by <see cref="ReplyRenderer"/> (public, no pings),
/// posts with <c>nonce</c> + <c>enforce_nonce</c>, DMs through the user's DM channel, and Discord's refusals turned
/// into <see cref="DeliveryException"/>s that say what to fix.
/// </summary>
public sealed class DiscordMessenger(DiscordRestClient rest) : IMessenger
{
    /// <summary>Minutes of inactivity before a thread PrepBot starts archives itself (one day).</summary>
    public const int ThreadAutoArchiveMinutes = 1440;

    public bool CanPost => true;

    public async Task<PostedMessage> PostAsync(string channelId, Reply reply, string? nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var channel = Id(channelId, "channel");
        return await Translate(
            () => PostRenderedAsync(channel, reply, nonce, cancellationToken),
            $"channel <#{channelId}>").ConfigureAwait(false);
    }

    public Task EditAsync(PostedMessage message, Reply reply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(reply);
        var rendered = ReplyRenderer.Render(reply with { IsPrivate = false, Modal = null });
        var last = rendered.Messages[^1];
        var edit = new MessageEdit
        {
            // An edit is one message: a text that was split when posted keeps its last part.
            Content = rendered.Messages.Count == 1 ? last.Content : rendered.Messages[0].Content,
            Components = last.Components ?? [],
            AllowedMentions = AllowedMentions.None,
        };
        return Translate(
            async () =>
            {
                await rest.EditMessageAsync(Id(message.ChannelId, "channel"), Id(message.MessageId, "message"), edit, cancellationToken).ConfigureAwait(false);
                return message;
            },
            $"message {message.MessageId} in <#{message.ChannelId}>");
    }

    public async Task<PostedMessage> SendDirectAsync(string userId, Reply reply, string? nonce, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var user = Id(userId, "user");
        return await Translate(
            async () =>
            {
                var dm = await rest.CreateDirectMessageChannelAsync(user, cancellationToken).ConfigureAwait(false);
                return await PostRenderedAsync(dm.Id, reply, nonce, cancellationToken).ConfigureAwait(false);
            },
            $"a DM to <@{userId}>").ConfigureAwait(false);
    }

    public async Task<string> StartThreadAsync(PostedMessage message, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var thread = new StartThreadFromMessage { Name = ThreadName(name), AutoArchiveDuration = ThreadAutoArchiveMinutes };
        var channel = await Translate(
            () => rest.StartThreadFromMessageAsync(Id(message.ChannelId, "channel"), Id(message.MessageId, "message"), thread, cancellationToken),
            $"a thread in <#{message.ChannelId}>").ConfigureAwait(false);
        return channel.Id.ToString();
    }

    public async Task<string> StartPrivateThreadAsync(string channelId, string name, CancellationToken cancellationToken)
    {
        var thread = new StartThreadWithoutMessage
        {
            Name = ThreadName(name),
            Type = ChannelType.PrivateThread,
            AutoArchiveDuration = ThreadAutoArchiveMinutes,
            Invitable = false,
        };
        var channel = await Translate(() => rest.StartThreadAsync(Id(channelId, "channel"), thread, cancellationToken), $"a private thread in <#{channelId}>")
            .ConfigureAwait(false);
        return channel.Id.ToString();
    }

    public Task AddThreadMemberAsync(string threadId, string userId, CancellationToken cancellationToken) =>
        Translate(
            async () =>
            {
                await rest.AddThreadMemberAsync(Id(threadId, "thread"), Id(userId, "user"), cancellationToken).ConfigureAwait(false);
                return true;
            },
            $"adding <@{userId}> to thread <#{threadId}>");

    public Task ArchiveThreadAsync(string threadId, CancellationToken cancellationToken) =>
        Translate(
            async () =>
            {
                await rest.ModifyThreadAsync(Id(threadId, "thread"), new ModifyThread { Archived = true }, cancellationToken).ConfigureAwait(false);
                return true;
            },
            $"archiving thread <#{threadId}>");

    private async Task<PostedMessage> PostRenderedAsync(Snowflake channel, Reply reply, string? nonce, CancellationToken cancellationToken)
    {
        var rendered = ReplyRenderer.Render(reply with { IsPrivate = false, Modal = null });
        PostedMessage? first = null;
        for (var i = 0; i < rendered.Messages.Count; i++)
        {
            var part = rendered.Messages[i];
            var create = new MessageCreate
            {
                Content = part.Content,
                Components = part.Components,
                AllowedMentions = AllowedMentions.None,
            };
            if (!string.IsNullOrEmpty(nonce))
            {
                // One nonce per part, so each part of a retried post is delivered once.
                create = create.WithNonce(i == 0 ? nonce : string.Create(CultureInfo.InvariantCulture, $"{nonce}.{i}"));
            }

            var message = await rest.CreateMessageAsync(channel, create, cancellationToken).ConfigureAwait(false);
            first ??= new PostedMessage(message.ChannelId.ToString(), message.Id.ToString());
        }

        return first!;
    }

    private static string ThreadName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length switch
        {
            0 => "PrepBot",
            > 100 => trimmed[..99] + "…",
            _ => trimmed,
        };
    }

    private static Snowflake Id(string text, string what) =>
        Snowflake.TryParse(text, out var id) ? id : throw new DeliveryException(DeliveryFailure.NotFound, $"'{text}' is not a Discord {what} id.");

    private static async Task<T> Translate<T>(Func<Task<T>> send, string what)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (DiscordApiException ex)
        {
            throw ex.Code switch
            {
                50007 => new DeliveryException(DeliveryFailure.DirectMessagesClosed, $"Discord refused {what}: they do not accept direct messages from the bot (50007).", ex),
                50001 => new DeliveryException(DeliveryFailure.NotAllowed, $"Discord refused {what}: PrepBot cannot see that channel (Missing Access, 50001).", ex),
                50013 => new DeliveryException(DeliveryFailure.NotAllowed, $"Discord refused {what}: PrepBot lacks a permission there (Missing Permissions, 50013).", ex),
                10003 or 10008 or 10013 => new DeliveryException(DeliveryFailure.NotFound, $"Discord refused {what}: it no longer exists ({ex.Code}).", ex),
                _ when ex.StatusCode == HttpStatusCode.Forbidden => new DeliveryException(DeliveryFailure.NotAllowed, $"Discord refused {what}: not allowed ({ex.Code}).", ex),
                _ when ex.StatusCode == HttpStatusCode.NotFound => new DeliveryException(DeliveryFailure.NotFound, $"Discord refused {what}: not found ({ex.Code}).", ex),
                _ => new DeliveryException(DeliveryFailure.Refused, $"Discord refused {what}: {ex.Message}", ex),
            };
        }
    }
}
