"""The interactive SQL client: the prompt-toolkit shell and the live result views.

Started by `flinklite` when stdin and stdout are terminals."""
