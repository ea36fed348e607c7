namespace PrepBot.Conversation;

/// <summary>What a command handler gets: who acted, the learner (enrolled, time zone resolved) and the checked command.</summary>
public sealed record CommandRequest(LearnerIdentity Who, LearnerContext Learner, ResolvedCommand Command);

/// <summary>
/// What a component handler gets: who acted, the learner, the custom id and the input (button, select or form). The
/// learner is <see langword="null"/> for a handler registered to run before enrolment.
/// </summary>
public sealed record ComponentRequest(LearnerIdentity Who, LearnerContext? Learner, string CustomId, UserInput Input);

/// <summary>Runs one command (or sub-command) path.</summary>
public delegate Task<IReadOnlyList<Reply>> CommandAction(CommandRequest request, CancellationToken cancellationToken);

/// <summary>Answers a component whose custom id has the handler's prefix; <see langword="null"/> when the id does not parse.</summary>
public delegate Task<IReadOnlyList<Reply>?> ComponentAction(ComponentRequest request, CancellationToken cancellationToken);

/// <summary>
/// A command's place in the catalog: a top-level command (<paramref name="Parent"/> null) or a sub-command a feature adds
/// to another feature's group (e.g. <c>/me leaderboard</c>). Top-level commands are listed in registration order; a group's
/// own sub-commands come first, then the added ones in registration order.
/// </summary>
public sealed record CommandEntry(CommandDescriptor Descriptor, string? Parent = null);

/// <summary>
/// The handler of one command path, e.g. <c>"quiz"</c> or <c>"me timezone"</c>; for a guild-only command,
/// <c>OutsideServer</c> is the answer outside a server when it is not the generic one.
/// </summary>
public sealed record CommandRoute(string Path, CommandAction Handle, Func<CommandRequest, IReadOnlyList<Reply>>? OutsideServer = null);

/// <summary>
/// The handler of every component whose custom id starts with <c>Prefix</c> (e.g. <c>"study:"</c>). With
/// <c>BeforeEnrolment</c> it runs without enrolling the learner (a stale "delete my data" button must not re-create them).
/// </summary>
public sealed record ComponentRoute(string Prefix, ComponentAction Handle, bool BeforeEnrolment = false);
