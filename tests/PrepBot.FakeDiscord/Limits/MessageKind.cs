namespace PrepBot.FakeDiscord.Limits;

/// <summary>Where a message payload was sent: the rules differ a little (nonce only on create, no emptiness check on edits).</summary>
internal enum MessageKind
{
    ChannelCreate,
    ChannelEdit,
    InteractionMessage,
    InteractionUpdate,
    FollowUp,
    WebhookEdit,
}
