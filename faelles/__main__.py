from faelles.cli import main

main()
