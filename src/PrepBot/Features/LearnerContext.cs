using PrepBot.Data;

namespace PrepBot.Features;

/// <summary>The learner behind an input, with their time zone resolved.</summary>
public sealed record LearnerContext(Learner Learner, TimeZoneInfo Zone)
{
    public long Id => Learner.Id;
}
