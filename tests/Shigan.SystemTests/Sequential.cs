// Each class runs real app processes (and nginx); side by side on a 2-core machine they would only starve each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
