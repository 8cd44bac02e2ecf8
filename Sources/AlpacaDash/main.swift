// The entry point; replaced by the ArgumentParser command.
print("alpaca-dash")
