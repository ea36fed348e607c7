namespace PrepBot.FakeDiscord.Recording;

/// <summary>Wakes every waiter whenever anything the fake records changes.</summary>
internal sealed class ChangeSignal
{
    private TaskCompletionSource _next = NewSource();

    public Task NextChange => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Polls <paramref name="probe"/> after every change until it returns a value; a wall-clock timeout keeps tests from hanging.</summary>
    public async Task<T> WaitAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken)
        where T : class
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        while (true)
        {
            var changed = NextChange;
            if (probe() is { } result)
            {
                return result;
            }

            try
            {
                await changed.WaitAsync(timeoutSource.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Fake Discord waited {timeout.TotalSeconds:0.###} s for {describe()}.");
            }
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
