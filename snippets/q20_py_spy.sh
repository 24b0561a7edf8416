py-spy record -o profile.svg --pid 12345 --duration 30
