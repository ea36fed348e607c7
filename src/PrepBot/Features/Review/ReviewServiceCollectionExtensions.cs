using Microsoft.Extensions.DependencyInjection;
using PrepBot.Conversation;

namespace PrepBot.Features.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary><c>/review</c>: the cards due for review.</summary>
    public static IServiceCollection AddPrepBotReview(this IServiceCollection services)
    {
        services.AddSingleton<ReviewHandler>();
        services.AddCommand<ReviewHandler>(
            new CommandDescriptor("review", "Work through the cards due for review."),
            (handler, request, ct) => handler.HandleAsync(request.Learner, ct));
        return services;
    }
}
