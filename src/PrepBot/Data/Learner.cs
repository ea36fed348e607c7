namespace PrepBot.Data;

/// <summary>Someone who studies with PrepBot, on one platform (Discord, or the local terminal).</summary>
public sealed class Learner
{
    public long Id { get; set; }

    /// <summary><see cref="LearnerPlatforms.Discord"/> or <see cref="LearnerPlatforms.Terminal"/>.</summary>
    public required string Platform { get; set; }

    /// <summary>The platform's id for the person: a Discord user id (snowflake), or a local name.</summary>
    public required string PlatformUserId { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>IANA time zone id: days, streaks and "due today" follow the learner's local calendar.</summary>
    public required string TimeZoneId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The study day the learner's week 1 of the plan begins (set with <c>/plan start</c>); null follows the day they enrolled.
    /// </summary>
    public DateOnly? PlanStart { get; set; }
}

public static class LearnerPlatforms
{
    public const string Discord = "discord";
    public const string Terminal = "terminal";
}
