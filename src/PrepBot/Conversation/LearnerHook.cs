using PrepBot.Data;

namespace PrepBot.Conversation;

/// <summary>
/// Something a feature does for every input once the learner is known, e.g. Stats records who uses PrepBot in a server.
/// <see cref="Run"/> is told whether this input enrolled the learner (and with it committed the hook's
/// <see cref="OnEnrolment"/> write).
/// </summary>
public sealed record LearnerHook(Func<LearnerIdentity, Learner, bool, CancellationToken, Task> Run)
{
    /// <summary>
    /// The hook's write for a learner's first input (null for an identity it has none for), made in the same write as their
    /// enrolment: one wait on the database writer for a new learner instead of two, and never one without the other.
    /// </summary>
    public Func<LearnerIdentity, EnrolmentWrite?>? OnEnrolment { get; init; }
}
