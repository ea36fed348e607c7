using Microsoft.Extensions.Logging;
using PrepBot.Data;
using PrepBot.Learning;

namespace PrepBot.Conversation;

/// <summary>
/// The one entry point transports call: resolves (and on first use enrols) the learner, then looks up the handler a
/// feature registered for the command path or the custom-id prefix. It lists no features. Unknown commands and buttons
/// get a reply that says so.
/// </summary>
public sealed partial class ConversationRouter
{
    private readonly LearnerStore _learners;
    private readonly CommandCatalog _catalog;
    private readonly IReadOnlyList<LearnerHook> _hooks;
    private readonly Dictionary<string, CommandRoute> _commands;
    private readonly Dictionary<string, ComponentRoute> _components;
    private readonly ILogger<ConversationRouter> _logger;

    public ConversationRouter(
        LearnerStore learners,
        CommandCatalog catalog,
        IEnumerable<CommandRoute> commands,
        IEnumerable<ComponentRoute> components,
        IEnumerable<LearnerHook> hooks,
        ILogger<ConversationRouter> logger)
    {
        _learners = learners;
        _catalog = catalog;
        _hooks = [.. hooks];
        _logger = logger;
        _commands = commands.ToDictionary(c => c.Path, StringComparer.Ordinal);
        _components = components.ToDictionary(c => c.Prefix, StringComparer.Ordinal);
        var unanswered = catalog.Paths.Where(path => !_commands.ContainsKey(path)).ToList();
        if (unanswered.Count > 0)
        {
            // The catalog lists a command no handler owns: a programming error, said plainly at start rather than hidden.
            throw new InvalidOperationException($"No handler for {string.Join(", ", unanswered.Select(p => "/" + p))}.");
        }
    }

    public async Task<IReadOnlyList<Reply>> HandleAsync(LearnerIdentity who, UserInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        var customId = input switch
        {
            ButtonInput button => button.CustomId,
            SelectInput select => select.CustomId,
            ModalInput modal => modal.CustomId,
            _ => null,
        };
        var component = customId is null ? null : FindComponent(customId);
        if (component is { BeforeEnrolment: true })
        {
            return await component.Handle(new ComponentRequest(who, null, customId!, input), cancellationToken).ConfigureAwait(false)
                ?? Unrecognised(customId!);
        }

        var (learner, enrolled) = await _learners.GetOrEnrolAsync(
            who.Platform, who.UserId, who.DisplayName, who.DefaultTimeZoneId, EnrolmentWrites(who), cancellationToken).ConfigureAwait(false);
        foreach (var hook in _hooks)
        {
            // e.g. the server's leaderboard ranks the learners who use PrepBot there.
            await hook.Run(who, learner, enrolled, cancellationToken).ConfigureAwait(false);
        }

        var zone = StudyCalendar.FindZone(learner.TimeZoneId) ?? TimeZoneInfo.Utc;
        var context = new LearnerContext(learner, zone) { Enrolled = enrolled };

        switch (input)
        {
            case CommandInput command:
                return await RunCommandAsync(who, context, command, cancellationToken).ConfigureAwait(false);
            case ButtonInput button when button.CustomId.StartsWith(CommandButtons.Prefix, StringComparison.Ordinal):
                return await RunCommandAsync(who, context, CommandLine.Parse(button.CustomId[CommandButtons.Prefix.Length..]), cancellationToken)
                    .ConfigureAwait(false);
        }

        if (component is null)
        {
            return Unrecognised(customId ?? string.Empty);
        }

        return await component.Handle(new ComponentRequest(who, context, customId!, input), cancellationToken).ConfigureAwait(false)
            ?? Unrecognised(customId!);
    }

    /// <summary>What the hooks would write about this identity if this input enrols them (written only then).</summary>
    private List<EnrolmentWrite> EnrolmentWrites(LearnerIdentity who)
    {
        var writes = new List<EnrolmentWrite>(_hooks.Count);
        foreach (var hook in _hooks)
        {
            if (hook.OnEnrolment?.Invoke(who) is { } write)
            {
                writes.Add(write);
            }
        }

        return writes;
    }

    /// <summary>The handler registered for the id's prefix: everything up to and including the first <c>:</c>.</summary>
    private ComponentRoute? FindComponent(string customId) =>
        CustomId.PrefixOf(customId) is { } prefix && _components.TryGetValue(prefix, out var route) ? route : null;

    private IReadOnlyList<Reply> Unrecognised(string customId)
    {
        LogUnknownComponent(customId);
        return [Reply.Text("PrepBot does not recognise that button (it may come from an older version). Try `/help`.")];
    }

    private async Task<IReadOnlyList<Reply>> RunCommandAsync(
        LearnerIdentity who, LearnerContext learner, CommandInput input, CancellationToken cancellationToken)
    {
        var command = CommandResolver.Resolve(_catalog.All, input, out var error);
        if (command is null)
        {
            return [Reply.Text(error!)];
        }

        if (command.Descriptor.RequiresManageServer && !who.CanManageServer)
        {
            LogAdminRefused(command.Path, who.UserId);
            return [Reply.Text($"Only server admins (Manage Server) can use `/{command.Path}`.")];
        }

        var route = _commands[command.Path];
        var request = new CommandRequest(who, learner, command);
        if (command.Descriptor.GuildOnly && who.GuildId is null)
        {
            return route.OutsideServer?.Invoke(request) ?? [Reply.Text($"`/{command.Path}` works inside a server channel, not here.")];
        }

        return await route.Handle(request, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused admin command {Command} for user {UserId} without Manage Server")]
    private partial void LogAdminRefused(string command, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unrecognised component id {CustomId}")]
    private partial void LogUnknownComponent(string customId);
}
