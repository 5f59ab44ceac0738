"""Guided walkthroughs in the terminal (`flinklite tutorial`): the tutorials' scenarios step by
step, each statement run live with pictures drawn from its data."""
