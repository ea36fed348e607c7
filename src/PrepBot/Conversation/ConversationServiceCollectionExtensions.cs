using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PrepBot.Conversation;

/// <summary>
/// How a feature declares what it answers, from its own <c>AddXyz()</c>: its commands (with descriptors) and its component
/// handlers (with their custom-id prefix). The router and the catalog are built from these registrations.
/// </summary>
public static class ConversationServiceCollectionExtensions
{
    /// <summary>The router, the catalog and the terminal's messenger (a transport replaces it); features register into it.</summary>
    public static IServiceCollection AddPrepBotConversation(this IServiceCollection services)
    {
        services.TryAddSingleton<IMessenger, NoMessenger>();
        services.TryAddSingleton(ReplyLimits.Default);
        services.TryAddSingleton<CommandCatalog>();
        services.TryAddSingleton<ConversationRouter>();
        services.TryAddSingleton<OptionSuggestions>();
        return services;
    }

    /// <summary>
    /// A top-level command answered by <typeparamref name="THandler"/>; with <paramref name="parent"/>, a sub-command added
    /// to another feature's group (<c>/me leaderboard</c>).
    /// </summary>
    public static IServiceCollection AddCommand<THandler>(
        this IServiceCollection services,
        CommandDescriptor descriptor,
        Func<THandler, CommandRequest, CancellationToken, Task<IReadOnlyList<Reply>>> handle,
        string? parent = null)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        services.AddSingleton(new CommandEntry(descriptor, parent));
        return services.AddCommandHandler(parent is null ? descriptor.Name : parent + " " + descriptor.Name, handle);
    }

    /// <summary>A command with sub-commands (<paramref name="group"/>'s <see cref="CommandDescriptor.Subcommands"/>); register each with <see cref="AddCommandHandler{THandler}"/>.</summary>
    public static IServiceCollection AddCommandGroup(this IServiceCollection services, CommandDescriptor group)
    {
        ArgumentNullException.ThrowIfNull(group);
        services.AddSingleton(new CommandEntry(group));
        return services;
    }

    /// <summary>The handler of one path (<c>"stories list"</c>) whose descriptor is registered already (a group's sub-command).</summary>
    public static IServiceCollection AddCommandHandler<THandler>(
        this IServiceCollection services,
        string path,
        Func<THandler, CommandRequest, CancellationToken, Task<IReadOnlyList<Reply>>> handle,
        Func<THandler, CommandRequest, IReadOnlyList<Reply>>? outsideServer = null)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(handle);
        services.AddSingleton(provider =>
        {
            var handler = provider.GetRequiredService<THandler>();
            return new CommandRoute(
                path,
                (request, cancellationToken) => handle(handler, request, cancellationToken),
                outsideServer is null ? null : request => outsideServer(handler, request));
        });
        return services;
    }

    /// <summary>Autocomplete for <paramref name="option"/> of <paramref name="commandPath"/>: <paramref name="candidates"/> from <typeparamref name="TSource"/>.</summary>
    public static IServiceCollection AddOptionSuggestions<TSource>(
        this IServiceCollection services, string commandPath, string option, Func<TSource, LearnerIdentity, IEnumerable<string>> candidates)
        where TSource : notnull
    {
        ArgumentNullException.ThrowIfNull(candidates);
        services.AddSingleton(provider =>
        {
            var source = provider.GetRequiredService<TSource>();
            return new OptionSource(commandPath, option, who => candidates(source, who));
        });
        return services;
    }

    /// <summary>The handler of every component whose custom id starts with <paramref name="prefix"/>.</summary>
    public static IServiceCollection AddComponentHandler<THandler>(
        this IServiceCollection services,
        string prefix,
        Func<THandler, ComponentRequest, CancellationToken, Task<IReadOnlyList<Reply>?>> handle,
        bool beforeEnrolment = false)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(handle);
        services.AddSingleton(provider =>
        {
            var handler = provider.GetRequiredService<THandler>();
            return new ComponentRoute(prefix, (request, cancellationToken) => handle(handler, request, cancellationToken), beforeEnrolment);
        });
        return services;
    }
}
