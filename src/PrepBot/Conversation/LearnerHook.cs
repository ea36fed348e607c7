using PrepBot.Data;

namespace PrepBot.Conversation;

/// <summary>Something a feature does for every input once the learner is known, e.g. Stats records who uses PrepBot in a server.</summary>
public sealed record LearnerHook(Func<LearnerIdentity, Learner, CancellationToken, Task> Run);
