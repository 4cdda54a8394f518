// Test worker whose code fails to load: the pool must report that its workers cannot start.
throw new Error("broken on purpose");
