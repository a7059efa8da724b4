#!/usr/bin/env python
from faelles.cli import main

if __name__ == "__main__":
    main()
