namespace PrepBot.FakeDiscord.Gateway;

/// <summary>Gateway intent bits the fake checks in Identify.</summary>
internal static class Intents
{
    public const long Guilds = 1;
    public const long GuildMembers = 1 << 1;
    public const long GuildPresences = 1 << 8;
    public const long MessageContent = 1 << 15;
    public const long Privileged = GuildMembers | GuildPresences | MessageContent;

    /// <summary>Bits 0–16, 20, 21, 24, 25: every intent Discord defines today.</summary>
    public const long AllDefined = 0x1FFFF | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);
}
