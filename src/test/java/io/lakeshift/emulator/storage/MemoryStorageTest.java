package io.lakeshift.emulator.storage;

/** The storage contract on the in-memory store. */
class MemoryStorageTest extends StorageContract {
    @Override
    Storage open() {
        return new MemoryStorage();
    }

    /** The heap store's bodies are not visible from outside. */
    @Override
    long blobs() {
        return -1;
    }
}
