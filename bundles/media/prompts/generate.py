#!/usr/bin/env python3
# Regenerates the spoken prompts shipped in config/prompts (needs espeak-ng and sox):
#   python3 bundles/media/prompts/generate.py

import subprocess, os
base = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "config", "prompts")
def say(lang, name, text):
    path = os.path.join(base, lang, name + ".wav")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    subprocess.run(["espeak-ng", "-v", lang, "-s", "150", "-w", "/tmp/p.wav", text], check=True)
    subprocess.run(["sox", "/tmp/p.wav", "-r", "8000", "-c", "1", "-e", "mu-law", path], check=True)
en = {"welcome": "Thank you for calling. All our operators are busy. Please stay on the line.", "menu": "For sales, press 1. For support, press 2.", "invalid": "Sorry, that is not a valid choice.",
      "goodbye": "Thank you for calling. Goodbye.", "closed": "We are closed now. Please call again during opening hours.",
      "position": "Your position in the queue is", "wait": "Expected waiting time, in minutes:",
      "numbers/many": "more than twenty",
      "callback-offer": "To be called back without losing your place, press 1.",
      "callback-confirm": "Thank you. We will call you back. Goodbye.",
      "leave-message": "All our operators are still busy. Please leave a message after the tone, and press the hash key when you are done."}
ru = {"welcome": "Спасибо за звонок. Все операторы заняты. Пожалуйста, оставайтесь на линии.", "menu": "Отдел продаж: нажмите 1. Поддержка: нажмите 2.", "invalid": "Извините, такого варианта нет.",
      "goodbye": "Спасибо за звонок. До свидания.", "closed": "Сейчас мы не работаем. Позвоните, пожалуйста, в рабочее время.",
      "position": "Ваш номер в очереди:", "wait": "Ожидаемое время ожидания, минут:", "numbers/many": "более двадцати",
      "callback-offer": "Чтобы мы перезвонили вам, сохранив вашу очередь, нажмите 1.",
      "callback-confirm": "Спасибо. Мы вам перезвоним. До свидания.",
      "leave-message": "Все операторы по-прежнему заняты. Оставьте, пожалуйста, сообщение после сигнала и нажмите решётку, когда закончите."}
for k, v in en.items(): say("en", k, v)
for k, v in ru.items(): say("ru", k, v)
for n in range(1, 21):
    say("en", f"numbers/{n}", str(n))
    say("ru", f"numbers/{n}", str(n))
subprocess.run(["sox", "-n", "-r", "8000", "-c", "1", "-e", "mu-law", os.path.join(base, "music", "hold.wav")]
               + "synth 0.5 pluck C4 synth 0.5 pluck E4 : synth 0.5 pluck G4 : synth 0.5 pluck E4 : synth 0.5 pluck F4"
                 " : synth 0.5 pluck A4 : synth 0.5 pluck C5 : synth 0.5 pluck A4 gain -6".split(), check=True)
# The tone before a voicemail recording starts: 0.4 s at 1 kHz, faded in and out so that it does not click.
subprocess.run(["sox", "-n", "-r", "8000", "-c", "1", "-e", "mu-law", os.path.join(base, "beep.wav")]
               + "synth 0.4 sine 1000 fade 0.01 0.4 0.01 gain -6".split(), check=True)
