namespace PrepBot.FakeDiscord;

/// <summary>A host lifetime that leaves the process's signals alone: the test host owns Ctrl+C, not each fake server.</summary>
internal sealed class PassiveLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
